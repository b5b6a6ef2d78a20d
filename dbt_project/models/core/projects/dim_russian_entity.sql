-- One row per Russian state entity of the registry, with its parent and the report's channel group
-- (seed projects/russian_channel_groups: by the entity's name or alias, then its parent's, then its
-- type; the one place the grouping is derived).
with entities as (
    select * from {{ ref('stg_registry__russian_entities') }}
),
entity_names as (
    select entry_id as entity_id, lower(trim(name)) as name_lc, name_key
    from {{ ref('stg_registry__names') }}
    where registry = 'russian_entities'
    union
    select entity_id, lower(trim(name)), lower(trim(name)) from entities
),
rules as (
    select *, lower(trim(rule_value)) as rule_value_lc from {{ ref('russian_channel_groups') }}
),
by_name as (
    select entity_names.entity_id, rules.channel_group
    from entity_names
    join rules
        on rules.rule_kind = 'entity_name'
        and rules.rule_value_lc in (entity_names.name_lc, entity_names.name_key)
    qualify row_number() over (partition by entity_names.entity_id order by rules.group_sort_order) = 1
),
by_parent as (
    select entities.entity_id, rules.channel_group
    from entities
    join entity_names on entity_names.entity_id = entities.parent_entity_id
    join rules
        on rules.rule_kind = 'parent_name'
        and rules.rule_value_lc in (entity_names.name_lc, entity_names.name_key)
    qualify row_number() over (partition by entities.entity_id order by rules.group_sort_order) = 1
),
by_type as (
    select entities.entity_id, rules.channel_group
    from entities
    join rules on rules.rule_kind = 'entity_type' and rules.rule_value = entities.entity_type
),
group_labels as (
    select distinct channel_group, channel_group_label, group_sort_order
    from {{ ref('russian_channel_groups') }}
),
entity_types as (
    select value as entity_type, label as entity_type_label
    from {{ ref('coding_vocabularies') }}
    where column_name = 'entity_type'
),
grouped as (
    select
        entities.*,
        coalesce(by_name.channel_group, by_parent.channel_group, by_type.channel_group, 'other')
            as channel_group
    from entities
    left join by_name using (entity_id)
    left join by_parent using (entity_id)
    left join by_type using (entity_id)
)
select
    grouped.entity_id,
    grouped.name,
    grouped.aliases,
    grouped.entity_type,
    entity_types.entity_type_label,
    grouped.parent_entity_id,
    parent.name as parent_name,
    grouped.channel_group,
    group_labels.channel_group_label,
    group_labels.group_sort_order as channel_group_sort_order,
    grouped.source_file,
    grouped.source_row
from grouped
left join entities as parent on parent.entity_id = grouped.parent_entity_id
left join entity_types on entity_types.entity_type = grouped.entity_type
left join group_labels on group_labels.channel_group = grouped.channel_group
