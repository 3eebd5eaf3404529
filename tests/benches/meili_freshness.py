#!/usr/bin/env python3
"""Time from sending one changed offering to Meilisearch until a search finds it.

Starts a private Meilisearch (temporary folder, free loopback port, random key; stopped and
deleted at the end), fills an index with N realistic offerings (the synth vocabulary's
services, Finland's municipalities; the document shape and index settings of
search/src/meili.rs), then ROUNDS times sends one new offering the way the outbox worker
does (POST documents, poll the task 2 ms doubling to 25 ms) while another thread searches
for its unique title word every 5 ms. Reports median and max of: the request, Meilisearch's
enqueued->started and started->finished, the worker seeing the task done, the search finding
it, the Meilisearch process's CPU per batch (from /proc), and the batches' progressTrace
steps. --load N runs N busy loops beside it; --meili-args passes server options (e.g.
"--max-indexing-memory 1GiB"); --variant adds index settings to compare:
proximity (proximityPrecision byAttribute), facetsearch (facetSearch false), granular
(filterable attributes without facet search, comparison only for numbers), localized
(localizedAttributes fin/swe/eng), nogeo / geosortonly (what _geo costs), tuned (the first
three together).

    python3 tests/benches/meili_freshness.py --docs 10000 --rounds 20 \
        --meili-args "--max-indexing-memory 1GiB" [--load 2]
"""
import argparse, json, os, random, shutil, socket, statistics, subprocess, sys, tempfile
import threading, time, uuid
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


class Meili:
    def __init__(self, binary, extra):
        self.dir = tempfile.mkdtemp(prefix="fresh-meili-")
        self.port = free_port()
        self.key = "k" + uuid.uuid4().hex
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(self.dir, "log"), "w")
        self.proc = subprocess.Popen(
            [binary, "--db-path", os.path.join(self.dir, "data.ms"), "--http-addr",
             f"127.0.0.1:{self.port}", "--master-key", self.key, "--no-analytics",
             "--dump-dir", os.path.join(self.dir, "dumps"),
             "--snapshot-dir", os.path.join(self.dir, "snapshots")] + extra,
            stdout=self.log, stderr=self.log)
        for _ in range(600):
            try:
                if self.req("GET", "/health")["status"] == "available":
                    return
            except Exception:
                time.sleep(0.05)
        raise SystemExit("meilisearch did not start")

    def req(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        r = urllib.request.Request(self.url + path, data=data, method=method)
        r.add_header("Authorization", f"Bearer {self.key}")
        if data is not None:
            r.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(r, timeout=120) as resp:
            return json.loads(resp.read() or b"null")

    def wait(self, task, first=0.002, cap=0.025):
        pause = first
        while True:
            time.sleep(pause)
            t = self.req("GET", f"/tasks/{task['taskUid']}")
            if t["status"] in ("succeeded", "failed", "canceled"):
                if t["status"] != "succeeded":
                    raise SystemExit(f"task failed: {t}")
                return t
            pause = min(pause * 2, cap)

    def cpu_seconds(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.proc.kill(); self.proc.wait(); shutil.rmtree(self.dir, ignore_errors=True)


# ---- realistic offerings (the synth vocabulary's services and municipalities) ----
SERVICES = [
    ("KOTIHOITO", "Kotihoito", "Hemvård", "Home care", "hour", True, ["voucher", "payment_commitment"], (3800, 6200),
     ["apua peseytymiseen ja pukeutumiseen", "lääkehoito ja voinnin seuranta", "ruokailussa avustaminen",
      "tuttu hoitaja joka käynnillä", "kotihoidon palvelut myös iltaisin"],
     ["hjälp med tvätt och påklädning", "medicinering och uppföljning", "hjälp vid måltider"]),
    ("SIIVOUS", "Siivouspalvelu", "Städtjänst", "Cleaning service", "hour", False,
     ["voucher", "payment_commitment", "direct_invoice"], (2800, 5200),
     ["kotisiivous viikoittain", "ikkunanpesu ja suursiivous", "omat siivousvälineet mukana"],
     ["hemstädning varje vecka", "fönstertvätt och storstädning"]),
    ("FYSIOTERAPIA", "Fysioterapia", "Fysioterapi", "Physiotherapy", "session", True,
     ["voucher", "payment_commitment"], (5000, 8800),
     ["liikkumiskyvyn arviointi", "kotikäynnit ja vastaanotto", "kuntoutus leikkauksen jälkeen"],
     ["bedömning av rörelseförmåga", "hembesök och mottagning"]),
    ("PAIVATOIMINTA", "Päivätoiminta", "Dagverksamhet", "Day activities", "day", True,
     ["voucher", "payment_commitment"], (7000, 11800),
     ["yhteinen lounas ja ulkoilu", "kädentaitoja ja musiikkia", "selkokieliset ohjeet"],
     ["gemensam lunch och utevistelse", "hantverk och musik"]),
    ("OMAISHOIDONVAPAA", "Omaishoidon vapaa", "Närståendevårdens ledighet", "Carer's leave", "day", True,
     ["voucher"], (9000, 16000),
     ["lyhytaikainen hoito omaishoitajan vapaan ajaksi", "ympärivuorokautinen hoiva"],
     ["kortvarig vård under närståendevårdarens ledighet"]),
    ("ATERIAPALVELU", "Ateriapalvelu", "Måltidsservice", "Meal service", "meal", True,
     ["voucher", "direct_invoice"], (700, 1400),
     ["kotiin kuljetettu lounas", "erityisruokavaliot huomioitu"], ["lunch hem till dig"]),
    ("TUKIHENKILO", "Tukihenkilötoiminta", "Stödpersonverksamhet", "Support person", "hour", True,
     ["voucher", "payment_commitment"], (3000, 5000),
     ["asiointiapu ja saattaja", "harrastuksiin osallistuminen"], ["ledsagning och ärenden"]),
    ("PUHETERAPIA", "Puheterapia", "Talterapi", "Speech therapy", "session", True,
     ["voucher", "payment_commitment"], (6000, 9500),
     ["lasten puheterapia", "kommunikaation tukeminen"], ["talterapi för barn"]),
]
PROVIDER_WORDS = ["Hoiva", "Apu", "Koti", "Terveys", "Palvelu", "Hyvinvointi", "Tuki", "Kuntoutus", "Arki", "Valo"]
PROVIDER_SUFFIX = ["Oy", "Ky", "ry", "Oyj", "Tmi"]
ACCESS = ["wheelchair", "sign_language", "plain_language", "hearing_loop", "braille"]


def municipalities():
    rows = []
    for line in open(os.path.join(REPO, "backend/data/municipalities.csv"), encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("code,"):
            continue
        code, fi, sv = line.split(",")[:3]
        rows.append((code, fi, sv))
    return rows


MUNIS = municipalities()
PURCHASERS = [str(uuid.UUID(int=random.Random(i).getrandbits(128))) for i in range(20)]
SERVICE_IDS = [str(uuid.UUID(int=random.Random(100 + i).getrandbits(128))) for i in range(len(SERVICES))]


def offering(rng, title_word=None):
    si = rng.randrange(len(SERVICES))
    code, fi, sv, en, unit, social, methods, (lo, hi), pfi, psv = SERVICES[si]
    provider = f"{rng.choice(PROVIDER_WORDS)}{rng.choice(PROVIDER_WORDS).lower()} {rng.choice(PROVIDER_SUFFIX)}"
    served = rng.sample(MUNIS, rng.randint(1, 4))
    place = served[0][1]
    title_fi = f"{fi} {place}" if title_word is None else f"{title_word} {place}"
    desc_fi = ". ".join(rng.sample(pfi, min(len(pfi), 2))).capitalize() + "."
    title = {"fi": title_fi}
    desc = {"fi": desc_fi}
    if rng.random() < 0.5:
        title["sv"] = f"{sv} {served[0][2]}"
        desc["sv"] = ". ".join(rng.sample(psv, 1)).capitalize() + "."
    if rng.random() < 0.2:
        title["en"] = f"{en} in {place}"
        desc["en"] = f"{en} at home."
    rated = rng.random() < 0.6
    avg = round(rng.uniform(2.5, 5.0), 2) if rated else None
    cnt = rng.randint(1, 60) if rated else 0
    names = []
    for c, f, s in served:
        names += [f] if f == s else [f, s]
    doc = {
        "offering_id": str(uuid.UUID(int=rng.getrandbits(128))),
        "provider_id": str(uuid.UUID(int=rng.getrandbits(128))),
        "provider_name": provider,
        "purchaser_id": rng.choice(PURCHASERS),
        "service_id": SERVICE_IDS[si],
        "service_code": code,
        "service_name": {"en": en, "fi": fi, "sv": sv},
        "title": title,
        "description": desc,
        "unit_price_cents": rng.randrange(lo, hi, 50),
        "unit": unit,
        "municipalities": [c for c, _, _ in served],
        "municipality_names": names,
        "languages": ["fi"] + (["sv"] if "sv" in title else []),
        "methods": methods,
        "accessibility": rng.sample(ACCESS, rng.randint(0, 2)),
        "social_care": social,
        "rating_average": avg,
        "rating_count": cnt,
        "location": {"lat": 60 + rng.random() * 5, "lon": 21 + rng.random() * 8},
        "updated_at": 1_760_000_000 + rng.randrange(10_000_000),
    }
    doc["_geo"] = {"lat": doc["location"]["lat"], "lng": doc["location"]["lon"]}
    score = (5 * 3.5 + cnt * (avg or 0)) / (5 + cnt)
    doc["rating_score"] = score
    return doc


SYNONYM_GROUPS = [["fysioterapia", "fysio"], ["physiotherapy", "physio"], ["sjukgymnastik", "fysioterapi"],
                  ["kotihoito", "kotipalvelu"], ["hemvård", "hemtjänst"], ["omaishoito", "omaishoitaja"]]


def synonyms():
    m = {}
    for g in SYNONYM_GROUPS:
        for w in g:
            m[w] = [o for o in g if o != w]
    for _, fi, sv in MUNIS:
        if fi != sv:
            a, b = fi.lower(), sv.lower()
            m.setdefault(a, []); m[a] = sorted(set(m[a] + [b]))
            m.setdefault(b, []); m[b] = sorted(set(m[b] + [a]))
    return m


FILTERABLE = ["purchaser_id", "service_id", "unit", "municipalities", "languages", "methods", "accessibility",
              "social_care", "unit_price_cents", "rating_average", "_geo"]


def settings(variant):
    """The product's settings (search/src/meili.rs) plus the variant's changes."""
    s = {
        "searchableAttributes": ["title", "service_name", "provider_name", "description", "service_code",
                                 "municipality_names"],
        "filterableAttributes": FILTERABLE,
        "sortableAttributes": ["_geo", "rating_score", "unit_price_cents", "updated_at"],
        "rankingRules": ["sort", "words", "typo", "proximity", "attribute", "exactness", "updated_at:desc"],
        "typoTolerance": {"enabled": True, "minWordSizeForTypos": {"oneTypo": 5, "twoTypos": 9}},
        "synonyms": synonyms(),
        "pagination": {"maxTotalHits": 200000},
        "faceting": {"maxValuesPerFacet": 1000},
    }
    parts = set(variant.split("+")) - {"current"}
    if "tuned" in parts:
        parts |= {"proximity", "facetsearch", "granular"}
    if "proximity" in parts:
        s["proximityPrecision"] = "byAttribute"
    if "facetsearch" in parts:
        s["facetSearch"] = False
    if "granular" in parts:
        equality = ["purchaser_id", "service_id", "unit", "municipalities", "languages", "methods",
                    "accessibility", "social_care"]
        s["filterableAttributes"] = [
            {"attributePatterns": equality,
             "features": {"facetSearch": False, "filter": {"equality": True, "comparison": False}}},
            {"attributePatterns": ["unit_price_cents", "rating_average"],
             "features": {"facetSearch": False, "filter": {"equality": True, "comparison": True}}},
            "_geo",
        ]
    if "localized" in parts:
        s["localizedAttributes"] = [
            {"attributePatterns": ["*.fi", "provider_name", "municipality_names"], "locales": ["fin"]},
            {"attributePatterns": ["*.sv"], "locales": ["swe"]},
            {"attributePatterns": ["*.en"], "locales": ["eng"]},
        ]
    if "nosyn" in parts:
        s["synonyms"] = {}
    if "nogeo" in parts:
        s["filterableAttributes"] = [f for f in s["filterableAttributes"] if f != "_geo"]
        s["sortableAttributes"] = [f for f in s["sortableAttributes"] if f != "_geo"]
    if "geosortonly" in parts:
        s["filterableAttributes"] = [f for f in s["filterableAttributes"] if f != "_geo"]
    if "noprefix" in parts:
        s["prefixSearch"] = "disabled"
    return s


def busy_loop(stop):
    while not stop.is_set():
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.environ.get("VALINTA_MEILISEARCH_BIN", "/work/shared/bin/meilisearch"))
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--variant", default="current")
    ap.add_argument("--load", type=int, default=0, help="busy-loop processes beside Meilisearch")
    ap.add_argument("--meili-args", default="")
    ap.add_argument("--trace", action="store_true")
    a = ap.parse_args()
    rng = random.Random(42)
    meili = Meili(a.binary, a.meili_args.split())
    try:
        idx = "offerings"
        meili.wait(meili.req("POST", "/indexes", {"uid": idx, "primaryKey": "offering_id"}))
        meili.wait(meili.req("PATCH", f"/indexes/{idx}/settings", settings(a.variant)), cap=0.1)
        docs = [offering(rng) for _ in range(a.docs)]
        t = time.time()
        for i in range(0, len(docs), 1000):
            meili.wait(meili.req("POST", f"/indexes/{idx}/documents", docs[i:i + 1000]), cap=0.1)
        fill = time.time() - t
        loaders = []
        for _ in range(a.load):
            loaders.append(subprocess.Popen([sys.executable, "-c", "while True: pass"]))
        time.sleep(1 if a.load else 0.2)
        rows = []
        try:
            for r in range(a.rounds):
                word = f"tuore{uuid.uuid4().hex[:8]}"
                doc = offering(rng, title_word=word.capitalize())
                found = {}
                stop = threading.Event()

                def searcher():
                    while not stop.is_set():
                        res = meili.req("POST", f"/indexes/{idx}/search", {
                            "q": word, "page": 1, "hitsPerPage": 20, "matchingStrategy": "all",
                            "facets": ["service_id", "municipalities", "languages", "methods"]})
                        if res["hits"]:
                            found["t"] = time.time()
                            return
                        time.sleep(0.005)

                cpu0 = meili.cpu_seconds()
                t0 = time.time()
                th = threading.Thread(target=searcher); th.start()
                task = meili.req("POST", f"/indexes/{idx}/documents?primaryKey=offering_id", [doc])
                t_sent = time.time()
                done = meili.wait(task)
                t_done = time.time()
                th.join(timeout=30); stop.set()
                cpu = meili.cpu_seconds() - cpu0
                batch = meili.req("GET", f"/batches/{done['batchUid']}")
                rows.append({
                    "send": t_sent - t0, "worker_done": t_done - t0, "found": found.get("t", float("nan")) - t0,
                    "queue": iso(done["startedAt"]) - iso(done["enqueuedAt"]),
                    "process": iso(done["finishedAt"]) - iso(done["startedAt"]),
                    "cpu": cpu, "trace": batch.get("stats", {}).get("progressTrace", {}),
                })
                time.sleep(0.3)
        finally:
            for p in loaders:
                p.kill(); p.wait()
        report(a, fill, rows)
    finally:
        meili.stop()


def iso(s):
    # 2026-12-08T01:40:00.123456789Z
    from datetime import datetime
    s = s.rstrip("Z")
    main, _, frac = s.partition(".")
    return datetime.fromisoformat(main).timestamp() + float("0." + (frac or "0"))


def dur(s):
    # "12.34ms", "1.2s", "345.6µs", "1m2s"
    s = s.strip()
    for unit, f in (("ms", 1e-3), ("µs", 1e-6), ("us", 1e-6), ("ns", 1e-9), ("s", 1.0)):
        if s.endswith(unit):
            try:
                return float(s[: -len(unit)]) * f
            except ValueError:
                return 0.0
    return 0.0


def report(a, fill, rows):
    def ms(xs):
        xs = sorted(xs)
        return f"median {statistics.median(xs)*1000:7.1f} ms  max {xs[-1]*1000:7.1f} ms"
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    print(f"variant={a.variant} docs={a.docs} rounds={a.rounds} load_procs={a.load} "
          f"fill={fill:.1f}s loadavg={' '.join(load)}")
    for key in ("send", "queue", "process", "worker_done", "found", "cpu"):
        print(f"  {key:12s} {ms([r[key] for r in rows])}")
    steps = {}
    for r in rows:
        for k, v in r["trace"].items():
            steps.setdefault(k, []).append(dur(v))
    top = sorted(steps.items(), key=lambda kv: -statistics.median(kv[1]))[:12]
    for k, v in top:
        print(f"    {statistics.median(v)*1000:7.1f} ms median  {max(v)*1000:7.1f} max  {k}")
    if a.trace:
        print(json.dumps(rows[-1]["trace"], indent=1))


if __name__ == "__main__":
    main()
