-- Interest in politics (very + somewhat interested) per country and wave group.
{{ survey_topic_indicators('political_interest') }}
