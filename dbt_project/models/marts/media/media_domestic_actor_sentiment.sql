-- Table 6: in-window mentions of domestic actors per actor and sentiment, one row per geography and
-- actor (and the kind and category the mentions were coded with), ordered as the report orders
-- them: total descending, then actor kind (vocabulary order), then name.
{{ actor_sentiment_table('domestic') }}
