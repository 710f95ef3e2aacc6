-- Set quotes.speaker_entity_id from the registered relation speaker_links(quote_id, entity_id).
update quotes
set speaker_entity_id = (select entity_id from speaker_links where speaker_links.quote_id = quotes.quote_id)
