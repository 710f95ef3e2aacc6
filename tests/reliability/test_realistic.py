"""The whole flow on a realistic folder: a few hundred benchmark pages plus pages made to be awkward.

The benchmark pages come from ../shared/tools/make_corpus.py over ../shared/eval-dev (the test
skips, saying so, where that folder is absent). The pages written here stress what those do not:
one company written in capitals with a legal suffix and in title case (that once failed a run
with a duplicate entity id), one name for two people, a very long article, articles in other
languages, and a JSON Lines export mixing them. The run completes; every file is an article or
a specific rejection; every data check passes; a rerun is a no-op.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import query
from tests.reliability.cli_runs import REPO, cli_env, newsflow_cmd, published, run_ok, tail

pytestmark = pytest.mark.usefixtures("prefect_backend")

SHARED = REPO.parent / "shared"
EVAL_DEV = SHARED / "eval-dev"
MAKE_CORPUS = SHARED / "tools" / "make_corpus.py"
CORPUS_FILES = 200  # benchmark files: a few hundred pages in CI's couple of minutes

# Made-up news: one company in capitals with a legal suffix and in title case, across formats.
ACME = {
    "acme/acme-plant.txt": (
        "ACME INC TO CLOSE RIVERTON PLANT\n\n"
        "ACME INC said on Tuesday it would close its Riverton plant by March, cutting 450 jobs.\n\n"
        "The company, which employs about 12,000 people worldwide, blamed falling demand for its "
        "garden tools. \"We regret this decision,\" ACME INC chief executive Dana Whitfield said.\n\n"
        "GLOBEX CORP, a rival, said it had no plans to buy the site. NORTHWIND LTD declined to comment.\n"
    ),
    "acme/acme-shares.html": (
        "<html><head><title>Acme shares slide after plant closure</title></head><body><article>"
        "<h1>Acme shares slide after plant closure</h1>"
        "<p>Acme shares fell 4 percent on Wednesday, a day after Acme Inc. said it would shut its Riverton "
        "plant. Analysts said Acme had struggled for two years against Globex Corporation.</p>"
        "<p>\"Acme waited too long,\" said Priya Raman, an analyst at Northwind. Dana Whitfield, Acme's chief "
        "executive, told staff the decision was final.</p>"
        "<p>Northwind Ltd and Globex Corp both gained more than 2 percent.</p></article></body></html>"
    ),
    "acme/acme-union.txt": (
        "Union vows to fight ACME INC. closure\n\n"
        "Workers at the Riverton plant of ACME INC. voted on Thursday to strike for three days. "
        "\"ACME owes this town,\" union leader Tom Okafor said. About 300 workers joined the vote.\n\n"
        "Acme, Acme Inc and ACME INC. were all named in the union's letter to the governor.\n"
    ),
}

# Made-up news: one name for two people, in two articles and together in a third.
NAMESAKES = {
    "namesakes/coach.txt": (
        "Brennan names squad for cup final\n\n"
        "Coach Michael Brennan named an unchanged side for Saturday's cup final against Harbour City. "
        "\"The players have earned it,\" Michael Brennan said after training on Friday. Brennan, 54, has "
        "led the club for six seasons and won two league titles.\n"
    ),
    "namesakes/councillor.txt": (
        "Councillor Brennan calls for bus inquiry\n\n"
        "Michael Brennan, a city councillor for the Eastfield ward, called on Monday for an inquiry into "
        "late buses. \"Residents wait 40 minutes for a bus,\" Councillor Brennan said. The council will "
        "debate his motion on June 3.\n"
    ),
    "namesakes/both.txt": (
        "Two Michael Brennans, one town\n\n"
        "Michael Brennan the football coach and Michael Brennan the councillor met on Sunday at a charity "
        "match that raised 12,000 dollars. \"People send me his post,\" the councillor said. The coach said "
        "he had received at least 20 complaints about buses meant for the other Michael Brennan.\n"
    ),
}

# Made-up news in other languages (language code, text), each long enough to identify.
FOREIGN = {
    "foreign/de.txt": ("de", (
        "Stadtrat beschließt neuen Busplan\n\n"
        "Der Stadtrat von Lindenau hat am Dienstag einen neuen Busplan beschlossen. Nach Angaben der "
        "Verwaltung sollen ab Juni zwölf zusätzliche Linien fahren, die vor allem die Vororte besser "
        "anbinden. \"Wir haben lange auf diese Entscheidung gewartet\", sagte die Bürgermeisterin Anna "
        "Keller nach der Sitzung.\n\n"
        "Die Opposition kritisierte die Kosten von rund vier Millionen Euro und forderte eine "
        "Bürgerbefragung. Die Verkehrsbetriebe kündigten an, dafür dreißig neue Fahrer einzustellen.\n")),
    "foreign/fr.html": ("fr", (
        "<html lang=\"fr\"><head><title>La mairie ouvre une nouvelle bibliothèque</title></head><body>"
        "<article><h1>La mairie ouvre une nouvelle bibliothèque</h1>"
        "<p>La mairie de Saint-Aubin a inauguré samedi une nouvelle bibliothèque dans l'ancienne gare. "
        "Selon la municipalité, le bâtiment accueillera plus de quarante mille livres et un espace pour "
        "les enfants.</p><p>« C'est un lieu ouvert à tous », a déclaré le maire, Jean Moreau, devant "
        "plusieurs centaines d'habitants. Les travaux ont duré deux ans et coûté trois millions "
        "d'euros.</p></article></body></html>")),
    "foreign/es.txt": ("es", (
        "El ayuntamiento amplía el horario de las piscinas\n\n"
        "El ayuntamiento de Valdemora anunció el lunes que las piscinas municipales abrirán hasta las "
        "diez de la noche durante el verano. La concejala de deportes, Lucía Ortega, explicó que la "
        "medida responde a las quejas de los vecinos por el calor.\n\n"
        "\"Queremos que todos puedan disfrutar del agua\", dijo Ortega. El ayuntamiento contratará a "
        "quince socorristas más para cubrir los nuevos turnos.\n")),
    "foreign/ru.txt": ("ru", (
        "В городе открыли новый мост через реку\n\n"
        "Во вторник в городе Заречье открыли новый мост через реку. По словам мэра Ивана Петрова, "
        "строительство заняло три года и обошлось в два миллиарда рублей. Мост соединит старый центр "
        "с новыми жилыми районами на левом берегу.\n\n"
        "«Теперь дорога на работу займёт у людей на полчаса меньше», — сказал Петров журналистам. "
        "Движение по мосту откроют для автобусов уже в понедельник.\n")),
    "foreign/zh.txt": ("zh", (
        "新区图书馆周末正式开放\n\n"
        "本市新区图书馆于周六正式向市民开放。据图书馆负责人介绍，馆内藏书超过五万册，并设有儿童阅读区和自习室。"
        "开馆当天，约有两千名市民前来参观。一位带着孩子的家长说，以前借书要坐一个小时的车，现在走路十分钟就到了。"
        "图书馆工作日开放到晚上九点，周末开放到晚上六点。\n")),
    "foreign/ar.txt": ("ar", (
        "افتتاح مستشفى جديد في المدينة\n\n"
        "افتتحت وزارة الصحة يوم الأحد مستشفى جديدا في مدينة الواحة يضم مئتي سرير. وقال مدير المستشفى "
        "الدكتور سامر حداد إن المستشفى سيخدم أكثر من مئة ألف نسمة في المنطقة. وأضاف أن المستشفى "
        "سيوظف نحو خمسمئة من الأطباء والممرضين خلال العام الأول.\n\n"
        "وقال أحد السكان إن أقرب مستشفى كان يبعد ساعتين بالسيارة. ومن المتوقع أن يبدأ قسم الطوارئ "
        "العمل الأسبوع المقبل.\n")),
}

LONG_PARAGRAPHS = 1200  # about 44,000 words, 260,000 characters: a very long article


def _long_article() -> str:
    """A made-up council report of LONG_PARAGRAPHS paragraphs, each with a number and a name."""
    towns = ["Riverton", "Eastfield", "Lindale", "Harbour City", "Northgate"]
    people = ["Dana Whitfield", "Tom Okafor", "Priya Raman", "Lucía Ortega", "Samuel Reyes"]
    paragraphs = [
        f"On day {i} of the inquiry, officials in {towns[i % 5]} reported that {100 + i * 7} households had "
        f"lost power after the storm, and {people[i % 5]} said repairs would take {2 + i % 9} more days. "
        f"Crews from {towns[(i + 2) % 5]} worked through the night."
        for i in range(LONG_PARAGRAPHS)
    ]
    return "Storm inquiry: the full record\n\n" + "\n\n".join(paragraphs) + "\n"


def _jsonl_export() -> str:
    """A JSON Lines export mixing the awkward cases, one bad line among them."""
    records = [
        {"title": "ACME INC names new chair", "url": "https://example.org/acme-chair",
         "text": "ACME INC on Friday named Lena Fischer as its new chair. Acme Inc shares rose 1 percent. "
                 "\"She knows ACME well,\" board member Raj Patel said. Fischer replaces Dana Whitfield."},
        {"headline": "Lindenau feiert Stadtfest", "language": "de",
         "articleBody": "Mehr als zehntausend Menschen haben am Wochenende in Lindenau das Stadtfest gefeiert. "
                        "Die Polizei sprach von einem friedlichen Fest ohne größere Zwischenfälle."},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(1, "{this line is not JSON")
    return "\n".join(lines) + "\n"


def _write_own_pages(root: Path) -> dict[str, str]:
    """Write the awkward pages under root; return {source_path: expected language} for the foreign ones."""
    for rel, text in {**ACME, **NAMESAKES}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    for rel, (_, text) in FOREIGN.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    (root / "long" / "storm-inquiry.txt").parent.mkdir(parents=True)
    (root / "long" / "storm-inquiry.txt").write_text(_long_article(), "utf-8")
    (root / "long" / "storm-inquiry-summary.html.gz").write_bytes(gzip.compress(
        ("<html><head><title>Storm inquiry summary</title></head><body><article><h1>Storm inquiry summary</h1>"
         + "".join(f"<p>Section {i}: Riverton crews restored power to {50 + i} homes on day {i}.</p>"
                   for i in range(400))
         + "</article></body></html>").encode("utf-8")))
    (root / "exports").mkdir()
    (root / "exports" / "mixed.jsonl").write_text(_jsonl_export(), "utf-8")
    return {rel: lang for rel, (lang, _) in FOREIGN.items()}


@dataclass(frozen=True)
class RealisticRun:
    """The realistic folder, its data dir after one run, and what the run took."""

    input_dir: Path
    data: Path
    files: list[str]  # every input file, relative, '/' separated
    languages: dict[str, str]  # foreign pages and their language code
    seconds: float
    tmp: Path
    env: dict[str, str]


@pytest.fixture(scope="module")
def realistic(tmp_path_factory: pytest.TempPathFactory) -> RealisticRun:
    if not (EVAL_DEV / "extraction" / "html").is_dir() or not MAKE_CORPUS.is_file():
        pytest.skip(f"no benchmark pages: {EVAL_DEV} or {MAKE_CORPUS} is absent (it sits beside the checkout)")
    tmp = tmp_path_factory.mktemp("realistic")
    input_dir, data = tmp / "input", tmp / "data"
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(EVAL_DEV), str(CORPUS_FILES), str(input_dir / "bench")],
                   check=True, capture_output=True, timeout=300)
    languages = _write_own_pages(input_dir)
    files = sorted(p.relative_to(input_dir).as_posix() for p in input_dir.rglob("*") if p.is_file())
    env = cli_env(tmp / "prefect-home")
    seconds = run_ok(newsflow_cmd("run", "--input", str(input_dir), "--data", str(data)), env, tmp / "run.log",
                     timeout=1800)
    return RealisticRun(input_dir, data, files, languages, seconds, tmp, env)


def test_every_file_is_an_article_or_a_specific_rejection(realistic: RealisticRun) -> None:
    articles = {str(p) for (p,) in query(realistic.data, "select distinct source_path from articles")}
    rejected = {str(p): str(r) for p, r in query(realistic.data, "select source_path, reason from rejected_files")}
    missing = [f for f in realistic.files if f not in articles and f not in rejected]
    assert not missing, f"files that became neither an article nor a rejection: {missing[:10]}"
    # a rejection says what was wrong with the file; a caught crash is a bug, not a reason
    vague = {p: r for p, r in rejected.items() if not r.strip() or r.startswith("extraction failed")}
    assert not vague, vague
    [[count]] = query(realistic.data, "select count(*) from articles")
    print(f"\nrealistic folder: {len(realistic.files)} files -> {count} articles, {len(rejected)} rejected files, "
          f"run {realistic.seconds:.0f} s")


def test_every_data_check_passes(realistic: RealisticRun) -> None:
    rows = query(realistic.data, "select check_name, level, failing_rows, passed from checks "
                                  "where run_id = (select run_id from runs order by started_at desc limit 1)")
    assert rows, "the run recorded no checks"
    failed = [r for r in rows if not r[3]]
    assert not failed, failed


def test_keys_are_unique(realistic: RealisticRun) -> None:
    for table, key in [("articles", "article_id"), ("quotes", "quote_id"), ("figures", "figure_id"),
                       ("entities", "entity_id"), ("entity_mentions", "mention_id")]:
        [[rows, keys]] = query(realistic.data, f"select count(*), count(distinct {key}) from {table}")  # noqa: S608
        assert rows == keys, table


def test_company_in_capitals_and_title_case_is_ingested(realistic: RealisticRun) -> None:
    paths = {str(p) for (p,) in query(realistic.data, "select source_path from articles where "
                                                       "source_path like 'acme/%' or source_path like 'exports/%'")}
    assert set(ACME) <= paths and "exports/mixed.jsonl" in paths
    # every spelling of the company is a mention of some ORG entity, whatever resolution made of them
    surfaces = {str(s) for (s,) in query(realistic.data, "select m.surface from entity_mentions m join articles a "
                                                          "using (article_id) where a.source_path like 'acme/%'")}
    assert any(s.upper().startswith("ACME") for s in surfaces), surfaces


def test_namesakes_are_ingested(realistic: RealisticRun) -> None:
    rows = query(realistic.data, "select a.source_path, count(m.mention_id) from articles a left join "
                                  "entity_mentions m using (article_id) where a.source_path like 'namesakes/%' "
                                  "group by 1")
    assert {str(p) for p, _ in rows} == set(NAMESAKES)
    assert all(int(str(n)) > 0 for _, n in rows), rows


def test_a_very_long_article_is_kept_whole(realistic: RealisticRun) -> None:
    [[words, text]] = query(realistic.data, "select word_count, text from articles "
                                             "where source_path = 'long/storm-inquiry.txt'")
    assert int(str(words)) > 40_000
    assert str(text).startswith("On day 0 of the inquiry")
    assert f"On day {LONG_PARAGRAPHS - 1} of the inquiry" in str(text)  # read to the end
    [[mentions]] = query(realistic.data, "select count(*) from entity_mentions m join articles a using (article_id) "
                                          "where a.source_path = 'long/storm-inquiry.txt'")
    assert int(str(mentions)) > LONG_PARAGRAPHS  # names all the way through were read
    assert query(realistic.data, "select 1 from articles where source_path = 'long/storm-inquiry-summary.html.gz'")


@pytest.mark.parametrize(
    "source_path",
    [
        pytest.param(path, marks=pytest.mark.xfail(strict=True, reason=(
            "plain text without spaces between words is taken for header lines only "
            "(transforms/plaintext.py): the article is rejected")))
        if path == "foreign/zh.txt" else path
        for path in FOREIGN
    ],
)
def test_an_article_in_another_language_is_an_article_in_that_language(
    realistic: RealisticRun, source_path: str
) -> None:
    found = query(realistic.data, "select language from articles where source_path = ?", [source_path])
    rejected = query(realistic.data, "select reason from rejected_files where source_path = ?", [source_path])
    assert found == [(realistic.languages[source_path],)], rejected


def test_a_mixed_json_lines_export_keeps_its_good_lines(realistic: RealisticRun) -> None:
    rows = query(realistic.data, "select line_number, language from articles "
                                  "where source_path = 'exports/mixed.jsonl' order by 1")
    assert rows == [(1, "en"), (3, "de")]
    [[line, reason]] = query(realistic.data, "select line_number, reason from rejected_files "
                                              "where source_path = 'exports/mixed.jsonl'")
    assert line == 2 and "JSON" in str(reason)


def test_a_rerun_is_a_no_op(realistic: RealisticRun) -> None:
    before = published(realistic.data)
    seconds = run_ok(newsflow_cmd("run", "--input", str(realistic.input_dir), "--data", str(realistic.data)),
                     realistic.env, realistic.tmp / "rerun.log", timeout=1800)
    [[seen, unchanged, extracted, status]] = query(
        realistic.data, "select files_seen, files_unchanged, articles_extracted, status from runs "
                        "order by started_at desc limit 1")
    assert (seen, unchanged, extracted, status) == (len(realistic.files), len(realistic.files), 0, "completed"), \
        tail(realistic.tmp / "rerun.log")
    assert published(realistic.data) == before
    print(f"\nrealistic rerun: {seconds:.0f} s, nothing extracted")


def test_an_article_longer_than_the_ner_model_takes_does_not_fail_the_run(tmp_path: Path) -> None:
    # spaCy refuses texts over nlp.max_length (1,000,000 characters) with an error; one such article
    # (a long transcript, a law) must not fail the whole run
    input_dir, data = tmp_path / "input", tmp_path / "data"
    input_dir.mkdir()
    paragraphs = [f"Paragraph {i}: the committee heard from witness number {i} of the Riverton inquiry today."
                  for i in range(11_000)]
    text = "Hearing transcript\n\n" + "\n\n".join(paragraphs) + "\n"
    assert len(text) > 1_000_000
    (input_dir / "transcript.txt").write_text(text, "utf-8")
    shutil.copy(next(iter(sorted((REPO / "seeds").glob("*.txt")))), input_dir / "seed.txt")
    run_ok(newsflow_cmd("run", "--input", str(input_dir), "--data", str(data)), cli_env(tmp_path / "prefect-home"),
           tmp_path / "run.log", timeout=1800)
    paths = {str(p) for (p,) in query(data, "select source_path from articles")}
    assert paths == {"transcript.txt", "seed.txt"}
