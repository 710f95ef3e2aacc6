-- The warehouse schema. Public tables follow ../CONTRACT.md; source_files and article_stages
-- are newsflow's bookkeeping for incremental runs. Every table and column carries a comment,
-- so the data dictionary comes from the warehouse itself.

create table if not exists articles (
    article_id      varchar primary key,
    source_path     varchar not null,
    source_format   varchar not null,
    line_number     integer,
    content_sha256  varchar not null,
    title           varchar,
    author          varchar,
    published_date  date,
    source_name     varchar,
    url             varchar,
    language        varchar,
    dateline        varchar,
    text            varchar not null,
    word_count      integer not null,
    story_id        varchar,
    duplicate_of    varchar
);
comment on table articles is 'One row per source article: per input file, or per line of a .jsonl file.';
comment on column articles.article_id is 'Key; stable across reruns for the same source (path, line).';
comment on column articles.source_path is 'Path of the input file relative to the input dir, / separated.';
comment on column articles.source_format is 'Input format: html, text or jsonl.';
comment on column articles.line_number is '1-based line of a .jsonl file the article came from; NULL for other formats.';
comment on column articles.content_sha256 is 'SHA-256 of the raw bytes of the source record (the file, or the .jsonl line).';
comment on column articles.title is 'Headline, or NULL.';
comment on column articles.author is 'Byline, or NULL.';
comment on column articles.published_date is 'Publication date, or NULL.';
comment on column articles.source_name is 'Outlet or site name, or NULL.';
comment on column articles.url is 'Canonical URL, or NULL.';
comment on column articles.language is 'ISO 639-1 language code of the text, or NULL.';
comment on column articles.dateline is 'Place the story was filed from ("Beirut, Lebanon"), or NULL.';
comment on column articles.text is 'Main text, boilerplate removed, paragraphs separated by a blank line. Offsets in other tables point into it.';
comment on column articles.word_count is 'Number of words in text.';
comment on column articles.story_id is 'Articles reporting the same story share it.';
comment on column articles.duplicate_of is 'article_id of the earlier exact or near-exact copy of this article, or NULL.';

create table if not exists quotes (
    quote_id           varchar primary key,
    article_id         varchar not null,
    quote_text         varchar not null,
    start_char         integer not null,
    end_char           integer not null,
    speaker            varchar,
    speaker_entity_id  varchar,
    cue                varchar,
    quote_type         varchar not null,
    part_of            varchar,
    statement_id       varchar
);
comment on table quotes is 'One row per quotation in an article.';
comment on column quotes.quote_id is 'Key; a hash of the article and the span.';
comment on column quotes.article_id is 'The article quoted from (-> articles).';
comment on column quotes.quote_text is 'The quoted words, without the quotation marks.';
comment on column quotes.start_char is '0-based code point offset of quote_text in articles.text.';
comment on column quotes.end_char is 'End offset (exclusive) of quote_text in articles.text.';
comment on column quotes.speaker is 'Who said it, as best resolved (a name or a description), or NULL.';
comment on column quotes.speaker_entity_id is 'The speaker as an entity (-> entities), or NULL.';
comment on column quotes.cue is 'Reporting verb ("said", "told", "warned"), or NULL.';
comment on column quotes.quote_type is 'direct, partial (a quoted fragment inside a sentence), indirect, continuation (a later part of a quotation interrupted by its attribution or joined to another fragment; see part_of) or transcript (a line of a quoted transcript, said by its label).';
comment on column quotes.statement_id is 'The statement this quotation carries: quotes of the same words in other articles (other translations or edits included) share it; see the statements view.';
comment on column quotes.part_of is 'For a continuation: quote_id of the first part of the same quotation; otherwise NULL.';

create table if not exists figures (
    figure_id    varchar primary key,
    article_id   varchar not null,
    surface      varchar not null,
    start_char   integer not null,
    end_char     integer not null,
    value        double,
    value_low    double,
    value_high   double,
    qualifier    varchar,
    unit         varchar,
    category     varchar not null,
    subject      varchar,
    change       varchar
);
comment on table figures is 'One row per number stated as a fact (not years, dates, times, ordinals or numbers in names).';
comment on column figures.figure_id is 'Key; a hash of the article and the span.';
comment on column figures.article_id is 'The article stating the figure (-> articles).';
comment on column figures.surface is 'The figure as written ("nearly half a million people").';
comment on column figures.start_char is '0-based code point offset of surface in articles.text.';
comment on column figures.end_char is 'End offset (exclusive) of surface in articles.text.';
comment on column figures.value is 'Normalised number (500000); the midpoint of a range.';
comment on column figures.value_low is 'Lower bound of a range; equal to value when exact.';
comment on column figures.value_high is 'Upper bound of a range; equal to value when exact.';
comment on column figures.qualifier is 'exact, approximately, at_least, more_than, less_than, up_to, or NULL.';
comment on column figures.unit is 'people, km, percent, an ISO 4217 currency code, years ... or NULL.';
comment on column figures.category is 'killed, injured, displaced, detained, population, distance, money, percent, age, duration, count or other (the contract''s list), or a measure of news beyond conflict: energy, speed, data, volume, area, mass or temperature. The four of harm (killed, injured, displaced, detained) count persons only (unit people, or a rate of them); other things in a sentence of harm ("two patrol boats") are count.';
comment on column figures.subject is 'What is counted ("civilians", "prisoners"), or NULL.';
comment on column figures.change is 'up or down when the sentence says the quantity rose or fell by the figure ("rose by 5%"), else NULL.';

create table if not exists entities (
    entity_id       varchar primary key,
    canonical_name  varchar not null,
    entity_type     varchar not null,
    aliases         varchar[] not null,
    mention_count   integer not null,
    article_count   integer not null
);
comment on table entities is 'One row per real-world entity after alias resolution.';
comment on column entities.entity_id is 'Key; a hash of the entity''s smallest alias group (spelling key and type family): unique, and stable while the entity keeps that group.';
comment on column entities.canonical_name is 'The preferred full name.';
comment on column entities.entity_type is 'PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, WORK_OF_ART or LAW.';
comment on column entities.aliases is 'Every surface form seen for the entity.';
comment on column entities.mention_count is 'Number of mentions of the entity.';
comment on column entities.article_count is 'Number of articles mentioning the entity.';

create table if not exists entity_mentions (
    mention_id   varchar primary key,
    article_id   varchar not null,
    entity_id    varchar not null,
    surface      varchar not null,
    entity_type  varchar not null,
    start_char   integer not null,
    end_char     integer not null
);
comment on table entity_mentions is 'One row per mention of an entity in an article.';
comment on column entity_mentions.mention_id is 'Key; a hash of the article and the span.';
comment on column entity_mentions.article_id is 'The article (-> articles).';
comment on column entity_mentions.entity_id is 'The entity mentioned (-> entities).';
comment on column entity_mentions.surface is 'The mention as written.';
comment on column entity_mentions.entity_type is 'Type of the entity, as in entities.';
comment on column entity_mentions.start_char is '0-based code point offset of surface in articles.text.';
comment on column entity_mentions.end_char is 'End offset (exclusive) of surface in articles.text.';

create table if not exists runs (
    run_id            varchar primary key,
    started_at        timestamp not null,
    finished_at       timestamp,
    status            varchar not null,
    files_seen        integer not null,
    files_added       integer not null,
    files_changed     integer not null,
    files_unchanged   integer not null,
    files_deleted     integer not null,
    files_rejected    integer not null,
    articles_extracted integer not null,
    full_refresh      boolean not null,
    input_dir         varchar not null,
    error             varchar,
    step_seconds      map(varchar, double),
    peak_rss_mb       double
);
comment on table runs is 'One row per pipeline run.';
comment on column runs.run_id is 'Key; the Prefect flow run id.';
comment on column runs.started_at is 'When the run started (UTC).';
comment on column runs.finished_at is 'When the run finished (UTC).';
comment on column runs.status is 'completed or failed.';
comment on column runs.files_seen is 'Input files found under the input dir.';
comment on column runs.files_added is 'Files not seen by the previous run.';
comment on column runs.files_changed is 'Files whose bytes changed since the previous run.';
comment on column runs.files_unchanged is 'Files with the same bytes as in the previous run.';
comment on column runs.files_deleted is 'Files of the previous run no longer under the input dir; their rows were removed.';
comment on column runs.files_rejected is 'Files with at least one record in rejected_files after this run.';
comment on column runs.articles_extracted is 'Article records this run extracted (0 when nothing changed).';
comment on column runs.full_refresh is 'True when the run rebuilt everything from the raw files.';
comment on column runs.input_dir is 'The input dir the run read.';
comment on column runs.error is 'Why a failed run failed, or NULL.';
comment on column runs.step_seconds is 'Wall seconds per step of the run (scan, extract, apply, stories, entities, statements, views, checks, publish; "worker ..." steps are summed over worker processes), for finding where a run spends its time.';
comment on column runs.peak_rss_mb is 'Peak resident memory of the run''s process tree (flow process and its workers), in MiB, sampled while the run went.';

create table if not exists rejected_files (
    source_path     varchar not null,
    line_number     integer,
    content_sha256  varchar,
    reason          varchar not null,
    run_id          varchar not null
);
comment on table rejected_files is 'Input files (or .jsonl lines) that could not become articles, as of the last run.';
comment on column rejected_files.source_path is 'Path of the input file relative to the input dir.';
comment on column rejected_files.line_number is '1-based line of a .jsonl file, or NULL for the whole file.';
comment on column rejected_files.content_sha256 is 'SHA-256 of the rejected bytes, or NULL when they could not be read.';
comment on column rejected_files.reason is 'Human-readable cause.';
comment on column rejected_files.run_id is 'The run that rejected it (-> runs).';

create table if not exists source_files (
    source_path      varchar primary key,
    source_format    varchar,
    content_sha256   varchar,
    size_bytes       bigint not null,
    mtime_ns         bigint not null,
    extract_version  varchar not null,
    article_count    integer not null,
    rejected_count   integer not null,
    processed_run_id varchar not null
);
comment on table source_files is 'Bookkeeping of incremental runs: each input file as last processed.';
comment on column source_files.source_path is 'Key; path relative to the input dir.';
comment on column source_files.source_format is 'html, text or jsonl; NULL for a file that is no input format.';
comment on column source_files.content_sha256 is 'SHA-256 of the file bytes when processed; NULL when unreadable.';
comment on column source_files.size_bytes is 'File size in bytes when processed.';
comment on column source_files.mtime_ns is 'Modification time of the file when processed (ns since the epoch): with size_bytes, a file that matches needs no reading.';
comment on column source_files.extract_version is 'Version of the extraction stage that processed the file.';
comment on column source_files.article_count is 'Articles the file became.';
comment on column source_files.rejected_count is 'Records of the file in rejected_files.';
comment on column source_files.processed_run_id is 'The run that last extracted the file.';

create table if not exists statement_keys (
    article_id  varchar not null,
    quote_id    varchar not null,
    node_id     varchar not null,
    key         varchar
);
comment on table statement_keys is 'Bookkeeping of incremental runs: each quotation''s node (the quotations with its content words) and the node''s LSH band keys, so a run finds the quotations that may carry the same statement without comparing all pairs.';
comment on column statement_keys.article_id is 'The article (-> articles).';
comment on column statement_keys.quote_id is 'The quotation (-> quotes).';
comment on column statement_keys.node_id is 'Its node: a hash of its content words, or q:<quote_id> for a quotation too short to be grouped.';
comment on column statement_keys.key is 'One band key of the node (nodes sharing a key are compared), or NULL for a node without keys.';

create table if not exists story_features (
    article_id      varchar primary key,
    published_date  date,
    source_path     varchar not null,
    line_number     integer,
    copy_signature  blob not null,
    shingle_count   integer not null,
    word_signature  blob not null,
    word_count      integer not null,
    name_signature  blob not null,
    name_keys       varchar[] not null,
    quote_shingles  bigint[] not null,
    quote_keys      bigint[] not null,
    event_days      integer[] not null
);
comment on table story_features is 'Bookkeeping of incremental runs: what the story and copy rules need about each article, from that article alone (transforms/stories.py).';
comment on column story_features.article_id is 'The article (-> articles).';
comment on column story_features.published_date is 'Publication date: with source_path and line_number, it tells the earliest article of a group.';
comment on column story_features.source_path is 'Path of the input file (the age order''s second key).';
comment on column story_features.line_number is 'Line of a .jsonl file (the age order''s third key), or NULL.';
comment on column story_features.copy_signature is 'MinHash signature of the word 5-gram shingles (little-endian uint32 values).';
comment on column story_features.shingle_count is 'Distinct shingles (0: the signature is empty).';
comment on column story_features.word_signature is 'MinHash signature of the content words.';
comment on column story_features.word_count is 'Distinct content words.';
comment on column story_features.name_signature is 'MinHash signature of the entity keys the article mentions.';
comment on column story_features.name_keys is 'Distinct entity keys, most mentioned first.';
comment on column story_features.quote_shingles is 'Hashes of the word 5-grams inside its quotations (the smallest kept).';
comment on column story_features.quote_keys is 'One MinHash value per quotation (its blocking key).';
comment on column story_features.event_days is 'Day ranges (first, last ordinal day, flattened) of the event dates the text gives.';

create table if not exists story_keys (
    article_id  varchar not null,
    rule        varchar not null,
    key         varchar not null,
    primary key (article_id, rule, key)
);
comment on table story_keys is 'Bookkeeping of incremental runs: the blocking keys (LSH bands, quotation keys) of each article under the copy and story rules, so a run compares an article only with the articles sharing a key.';
comment on column story_keys.article_id is 'The article (-> articles).';
comment on column story_keys.rule is 'copy or story.';
comment on column story_keys.key is 'One blocking key.';

create table if not exists article_stages (
    article_id  varchar not null,
    stage       varchar not null,
    version     varchar not null,
    primary key (article_id, stage)
);
comment on table article_stages is 'Bookkeeping of incremental runs: which version of each per-article stage produced an article''s rows.';
comment on column article_stages.article_id is 'The article (-> articles).';
comment on column article_stages.stage is 'Stage name (quotes, figures, entities ...).';
comment on column article_stages.version is 'Version of the stage that produced the rows.';

create table if not exists warehouse_meta (
    key    varchar primary key,
    value  varchar not null
);
comment on table warehouse_meta is 'Facts about the warehouse itself, such as its schema version.';
comment on column warehouse_meta.key is 'Name of the fact.';
comment on column warehouse_meta.value is 'Its value.';

create table if not exists ner_mentions (
    article_id  varchar not null,
    surface     varchar not null,
    label       varchar not null,
    start_char  integer not null,
    end_char    integer not null,
    key             varchar not null,
    anchor_label    varchar not null,
    context_label   varchar,
    context_weight  integer not null,
    group_key       varchar not null,
    vote_label      varchar
);
comment on table ner_mentions is 'Bookkeeping of incremental runs: cleaned NER mentions per article, before entity resolution (the per-article part of the entities stage).';
comment on column ner_mentions.article_id is 'The article (-> articles).';
comment on column ner_mentions.surface is 'The mention as written, titles and possessives trimmed.';
comment on column ner_mentions.label is 'The NER model''s label for this mention alone (entities.entity_type is voted over all mentions).';
comment on column ner_mentions.start_char is '0-based code point offset of surface in articles.text.';
comment on column ner_mentions.end_char is 'End offset (exclusive) of surface in articles.text.';
comment on column ner_mentions.key is 'Spelling-insensitive key of the fullest mention of the same thing in the article (its anchor).';
comment on column ner_mentions.anchor_label is 'The NER label of that anchor; key and label family name the mention''s alias group.';
comment on column ner_mentions.context_label is 'The type the words around the mention suggest ("the city of X": GPE), or NULL.';
comment on column ner_mentions.context_weight is 'Weight of that hint in the type vote (0 without one).';
comment on column ner_mentions.group_key is 'The alias group of the mention: its key and the type family of its anchor (-> alias_groups).';
comment on column ner_mentions.vote_label is 'The type this mention votes for its entity.';

create table if not exists alias_groups (
    group_key      varchar primary key,
    key            varchar not null,
    family         varchar not null,
    mention_count  integer not null,
    entity_id      varchar
);
comment on table alias_groups is 'Bookkeeping of incremental runs: each alias group (NER mentions with one key and type family) and the entity it belongs to.';
comment on column alias_groups.group_key is 'Key; the spelling key and type family of the group.';
comment on column alias_groups.key is 'The spelling-insensitive key of the group''s anchors.';
comment on column alias_groups.family is 'Type family: PERSON, ORG, place, NORP ...';
comment on column alias_groups.mention_count is 'NER mentions in the group.';
comment on column alias_groups.entity_id is 'The entity the group belongs to (-> entities).';

create table if not exists alias_group_forms (
    group_key  varchar not null,
    surface    varchar not null,
    mentions   integer not null,
    primary key (group_key, surface)
);
comment on table alias_group_forms is 'Bookkeeping of incremental runs: how often each surface form of an alias group was written.';
comment on column alias_group_forms.group_key is 'The alias group (-> alias_groups).';
comment on column alias_group_forms.surface is 'A form as written.';
comment on column alias_group_forms.mentions is 'NER mentions written so.';

create table if not exists alias_group_keys (
    group_key  varchar not null,
    key        varchar not null,
    primary key (group_key, key)
);
comment on table alias_group_keys is 'Bookkeeping of incremental runs: the blocking keys of each alias group (groups that may be one entity share one).';
comment on column alias_group_keys.group_key is 'The alias group (-> alias_groups).';
comment on column alias_group_keys.key is 'One blocking key.';

create table if not exists aliases (
    surface     varchar primary key,
    first_word  varchar not null,
    entity_id   varchar not null
);
comment on table aliases is 'Bookkeeping of incremental runs: every distinctive alias and the entity that owns it; other occurrences of it in any article are mentions of that entity.';
comment on column aliases.surface is 'Key; the alias as written.';
comment on column aliases.first_word is 'Its first word (articles are found by it through article_words).';
comment on column aliases.entity_id is 'The entity owning the alias (-> entities).';

create table if not exists article_words (
    article_id  varchar not null,
    word        varchar not null,
    primary key (article_id, word)
);
comment on table article_words is 'Bookkeeping of incremental runs: the capitalised words of each article, to find the articles an alias may occur in without reading every text.';
comment on column article_words.article_id is 'The article (-> articles).';
comment on column article_words.word is 'A capitalised word as written, and without a possessive or full stop.';

create table if not exists propagated_mentions (
    article_id      varchar not null,
    surface         varchar not null,
    start_char      integer not null,
    end_char        integer not null,
    entity_id       varchar not null,
    context_label   varchar,
    context_weight  integer not null,
    primary key (article_id, start_char, end_char)
);
comment on table propagated_mentions is 'Bookkeeping of incremental runs: mentions found by an entity''s alias where NER missed them (they are in entity_mentions too).';
comment on column propagated_mentions.article_id is 'The article (-> articles).';
comment on column propagated_mentions.surface is 'The alias as written.';
comment on column propagated_mentions.start_char is '0-based code point offset of surface in articles.text.';
comment on column propagated_mentions.end_char is 'End offset (exclusive) of surface in articles.text.';
comment on column propagated_mentions.entity_id is 'The entity owning the alias (-> entities).';
comment on column propagated_mentions.context_label is 'The type the words around the mention suggest, or NULL.';
comment on column propagated_mentions.context_weight is 'Weight of that hint in the type vote.';

create table if not exists checks (
    run_id        varchar not null,
    check_name    varchar not null,
    level         varchar not null,
    table_name    varchar not null,
    failing_rows  integer not null,
    passed        boolean not null
);
comment on table checks is 'Data checks of every run (declared in warehouse/sql/checks.sql): an ERROR check that fails marks the run failed and keeps the previous warehouse.';
comment on column checks.run_id is 'The run whose build was checked (-> runs).';
comment on column checks.check_name is 'What the check asserts.';
comment on column checks.level is 'ERROR (fails the run) or WARN (reported only).';
comment on column checks.table_name is 'The table checked.';
comment on column checks.failing_rows is 'Rows that break the check (0 when it passed).';
comment on column checks.passed is 'True when no row breaks the check.';
