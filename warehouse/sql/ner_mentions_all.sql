-- Every cleaned NER mention, in article and text order, for corpus-level entity resolution.
with mentions_in as (
    select * from ner_mentions
),

final as (
    select article_id, surface, label, start_char, end_char, key, anchor_label, context_label, context_weight
    from mentions_in
)

select * from final order by article_id, start_char, end_char
