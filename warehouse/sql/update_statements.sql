-- Write statement_id for every quotation from the registered relation statement_ids.
update quotes
set statement_id = statement_ids.statement_id
from statement_ids
where quotes.quote_id = statement_ids.quote_id
