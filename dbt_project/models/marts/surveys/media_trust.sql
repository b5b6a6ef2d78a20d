-- Central Asia Barometer trust in television, radio and newspapers (strongly + somewhat trust; refused and don't know dropped) per country and wave.
{{ survey_topic_indicators('media_trust') }}
