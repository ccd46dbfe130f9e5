#!/usr/bin/env python3
"""B10's knowledge base and questions (bench/b10.sh).
    python3 bench/b10-entries.py N ROWS.tsv QUESTIONS.jsonl DEMO_ENTRIES.json EVALUATION.csv
ROWS: N (10,000) distinct FAQ entries as PostgreSQL COPY rows for faq_entry (key, question_id, question_en,
alternatives, answer_id, answer_en, links, tags, live): the demo's 30 entries, and the rest as a city library system
with many branches would keep them, each about one subject of the collection at one branch, asked one of five ways
(is it there, which shelf, how long may it be borrowed, is there a class, is there a reading club), each with informal
alternatives. QUESTIONS: the mix B10 asks, one JSON {"question","language","kind"} a line, shuffled: the evaluation
set's questions (answerable and hand-over), the answerable ones again with a typo in one word, off-topic questions,
and questions about the generated entries the way patrons write them."""
import csv
import itertools
import json
import random
import sys

n, out_rows, out_questions, demo_file, evaluation_file = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
random.seed(10)

BRANCHES = ["Guntung Manggis", "Guntung Payung", "Landasan Ulin Timur", "Landasan Ulin Barat", "Landasan Ulin Utara",
            "Landasan Ulin Tengah", "Syamsudin Noor", "Liang Anggang", "Sungai Besar", "Sungai Ulin", "Loktabat Utara",
            "Loktabat Selatan", "Komet", "Mentaos", "Kemuning", "Cempaka", "Sungai Tiung", "Bangkal", "Palam",
            "Guntung Paikat"]
SUBJECTS = [("sejarah Kalimantan", "history of Borneo"), ("masakan Banjar", "Banjar cooking"),
            ("budidaya ikan air tawar", "freshwater fish farming"), ("pertanian sawah", "rice farming"),
            ("pemrograman komputer", "computer programming"), ("bahasa Inggris", "English"),
            ("matematika SD", "primary school mathematics"), ("fisika SMA", "high school physics"),
            ("novel remaja", "young adult novels"), ("komik anak", "children's comics"), ("ensiklopedia", "encyclopedias"),
            ("kesehatan ibu dan anak", "mother and child health"), ("fikih", "Islamic jurisprudence"),
            ("tafsir Al-Quran", "Quran commentary"), ("hukum perdata", "civil law"), ("ekonomi syariah", "Islamic economics"),
            ("akuntansi", "accounting"), ("kewirausahaan", "entrepreneurship"), ("UMKM", "small businesses"),
            ("fotografi", "photography"), ("desain grafis", "graphic design"), ("kain sasirangan", "sasirangan cloth"),
            ("musik panting", "panting music"), ("tari tradisional", "traditional dance"), ("puisi", "poetry"),
            ("cerpen", "short stories"), ("biografi tokoh", "biographies"), ("geografi", "geography"),
            ("astronomi", "astronomy"), ("biologi", "biology"), ("kimia", "chemistry"), ("psikologi", "psychology"),
            ("parenting", "parenting"), ("otomotif", "car repair"), ("elektronika", "electronics"),
            ("perikanan", "fisheries"), ("peternakan", "animal husbandry"), ("kehutanan", "forestry"),
            ("pertambangan", "mining"), ("lingkungan hidup", "the environment"), ("pariwisata", "tourism"),
            ("bahasa Arab", "Arabic"), ("bahasa Jepang", "Japanese"), ("bahasa Banjar", "the Banjar language"),
            ("sastra Indonesia", "Indonesian literature"), ("filsafat", "philosophy"), ("politik", "political science"),
            ("sosiologi", "sociology"), ("antropologi", "anthropology"), ("arsitektur", "architecture"),
            ("teknik sipil", "civil engineering"), ("kedokteran", "medicine"), ("keperawatan", "nursing"),
            ("farmasi", "pharmacy"), ("gizi", "nutrition"), ("olahraga", "sports"), ("sepak bola", "football"),
            ("catur", "chess"), ("berkebun", "gardening"), ("tanaman hias", "houseplants"), ("menjahit", "sewing"),
            ("merajut", "knitting"), ("kerajinan tangan", "handicrafts"), ("seni lukis", "painting"),
            ("kaligrafi", "calligraphy"), ("sejarah Islam", "Islamic history"), ("sejarah dunia", "world history"),
            ("perang kemerdekaan", "the independence war"), ("Pancasila", "Pancasila"), ("kewarganegaraan", "civics"),
            ("manajemen", "management"), ("pemasaran digital", "digital marketing"), ("jurnalistik", "journalism"),
            ("penulisan kreatif", "creative writing"), ("dongeng anak", "children's fairy tales"),
            ("buku bergambar", "picture books"), ("persiapan UTBK", "university entrance exam preparation"),
            ("CPNS", "civil service exam preparation"), ("TOEFL", "TOEFL preparation"), ("robotika", "robotics"),
            ("kecerdasan buatan", "artificial intelligence"), ("jaringan komputer", "computer networking"),
            ("statistika", "statistics"), ("perbankan", "banking"), ("pajak", "taxes"), ("asuransi", "insurance"),
            ("properti", "real estate"), ("energi terbarukan", "renewable energy"), ("mitigasi bencana", "disaster preparedness"),
            ("lahan gambut", "peatlands"), ("sungai dan rawa", "rivers and swamps"), ("intan Martapura", "Martapura diamonds"),
            ("kuliner Nusantara", "Indonesian cuisine"), ("kue tradisional", "traditional cakes"), ("kopi", "coffee"),
            ("teh", "tea"), ("herbal", "herbal medicine"), ("bahasa isyarat", "sign language"), ("braille", "braille"),
            ("sejarah Banjarbaru", "history of Banjarbaru")]
KINDS = ["ada", "rak", "lama", "kelas", "klub"]


def slug(text):
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-").replace("--", "-")


def texts(kind, subject, subject_en, branch):
    where = f"Pojok Baca {branch}"
    if kind == "ada":
        return (f"Apakah {where} punya koleksi buku {subject}?", f"Does the {branch} reading corner have books on {subject_en}?",
                [f"ada buku {subject} gk di pojok baca {branch}?", f"koleksi {subject} di {branch} ada?"],
                f"Ya, {where} menyimpan koleksi {subject}; cek ketersediaannya di katalog daring.",
                f"Yes, the {branch} reading corner keeps books on {subject_en}; check the online catalogue.")
    if kind == "rak":
        return (f"Di rak mana buku {subject} di {where}?", f"Which shelf holds {subject_en} at the {branch} reading corner?",
                [f"buku {subject} ditaruh di rak mana ya di {branch}", f"letak buku {subject} {branch} dmn"],
                f"Buku {subject} di {where} ada di rak bernomor sesuai klasifikasinya; petugas bisa menunjukkan.",
                f"Books on {subject_en} at the {branch} reading corner are shelved by their class number.")
    if kind == "lama":
        return (f"Berapa lama buku {subject} boleh dipinjam dari {where}?",
                f"How long can I borrow {subject_en} books from the {branch} reading corner?",
                [f"pinjem buku {subject} di {branch} brp hari", f"lama pinjam {subject} {branch}"],
                f"Buku {subject} dari {where} boleh dipinjam 14 hari dan diperpanjang sekali.",
                f"{subject_en.capitalize()} books from the {branch} reading corner may be borrowed for 14 days, renewable once.")
    if kind == "kelas":
        return (f"Apakah ada kelas {subject} di {where}?", f"Is there a {subject_en} class at the {branch} reading corner?",
                [f"kelas {subject} di {branch} kapan", f"ada pelatihan {subject} gk di pojok baca {branch}"],
                f"Kelas {subject} di {where} diumumkan di halaman acara; daftar lewat tautannya.",
                f"{subject_en.capitalize()} classes at the {branch} reading corner are listed on the events page.")
    return (f"Apakah {where} punya klub baca {subject}?", f"Does the {branch} reading corner have a {subject_en} reading club?",
            [f"klub baca {subject} {branch} ada?", f"komunitas pecinta {subject} di {branch}"],
            f"Klub baca {subject} di {where} bertemu sebulan sekali; lihat jadwalnya di halaman acara.",
            f"The {subject_en} reading club at the {branch} reading corner meets monthly; see the events page.")


def array(items):
    return "{" + ",".join('"' + i.replace("\\", "\\\\").replace('"', '\\"') + '"' for i in items) + "}"


def field(text):
    return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def typo(text):
    """One letter of one longer word swapped with the next, as a hurried thumb does."""
    words = text.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long_words:
        return text
    i = random.choice(long_words)
    w = words[i]
    j = random.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


OFF_TOPIC = ["cuaca besok di Banjarbaru hujan gk?", "siapa presiden indonesia pertama", "jawaban soal matematika no 5 dong",
             "harga emas hari ini brp", "jadwal kereta api ke surabaya", "resep nasi goreng enak gmn",
             "skor pertandingan timnas semalam", "cara daftar bpjs kesehatan", "kapan gajian pns bulan ini",
             "rekomendasi hp murah 2 jutaan", "who won the world cup", "what is the capital of australia",
             "berita politik terbaru hari ini", "kode promo ojek online", "tolong kerjakan pr bahasa inggris saya"]

demo = json.load(open(demo_file))
combos = list(itertools.product(KINDS, SUBJECTS, BRANCHES))
random.shuffle(combos)
if n - len(demo) > len(combos):
    sys.exit(f"at most {len(combos) + len(demo)} distinct entries")
asked = []
with open(out_rows, "w") as rows:
    for e in demo[:n]:
        rows.write("\t".join([e["key"], field(e["question"]["id"]), field(e["question"]["en"]), field(array(e["alternatives"])),
                              field(e["answer"]["id"]), field(e["answer"]["en"]), field(json.dumps(e["links"])),
                              field(array(e["tags"])), e.get("live") or "\\N"]) + "\n")
    for i, (kind, (subject, subject_en), branch) in enumerate(combos[:max(0, n - len(demo))]):
        qid, qen, alternatives, aid, aen = texts(kind, subject, subject_en, branch)
        key = f"b10-{kind}-{slug(subject)}-{slug(branch)}"[:80].strip("-")
        rows.write("\t".join([key, field(qid), field(qen), field(array(alternatives)), field(aid), field(aen), "[]",
                              field(array([subject, branch, kind])), "\\N"]) + "\n")
        if i % 20 == 0:
            asked.append({"question": random.choice(alternatives + [qid]).lower(), "language": "id", "kind": "generated"})
with open(evaluation_file, newline="") as f:
    for row in csv.DictReader(f):
        handover = row["expected"] == "HANDOVER"
        asked.append({"question": row["question"], "language": row["language"], "kind": "hand-over" if handover else "evaluation"})
        if not handover:
            asked.append({"question": typo(row["question"]), "language": row["language"], "kind": "typo"})
for q in OFF_TOPIC * 4:
    asked.append({"question": q, "language": "en" if q.startswith("wh") else "id", "kind": "off-topic"})
random.shuffle(asked)
with open(out_questions, "w") as questions:
    for q in asked:
        questions.write(json.dumps(q, ensure_ascii=False) + "\n")
