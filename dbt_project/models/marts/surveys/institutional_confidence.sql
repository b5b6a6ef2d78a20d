-- Confidence per institution (a great deal + quite a lot) per country and wave group.
{{ survey_topic_indicators('institutional_confidence') }}
