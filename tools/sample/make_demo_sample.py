#!/usr/bin/env python3
"""Builds the demo's bundled sample (cli/src/main/resources/sample/) from the real National Tax
Agency corporate-number records in ../shared/data/nta (出典：国税庁法人番号公表サイト, Public Data
License 1.0). Deterministic (seeded): re-running it gives the same files.

  nta-sample.csv.gz   the NTA rows (history included) of 30,000 corporate numbers: the sample master
  offices.csv         synthetic offices for some of those companies, at real addresses of others
  postings.csv        3,000 noisy job postings (Japanese headers, UTF-8) naming those companies, plus
                      postings of companies absent from the master and some bad rows
"""
import csv, gzip, io, random, sys, unicodedata
from collections import OrderedDict

SRC = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/nta/nta-2021q3-utf8.csv.gz'
OUT = sys.argv[2] if len(sys.argv) > 2 else 'cli/src/main/resources/sample'
rnd = random.Random(20261125)

rows_by_number = OrderedDict()
with gzip.open(SRC, 'rt', encoding='utf-8') as f:
    for row in csv.reader(f):
        rows_by_number.setdefault(row[1], []).append(row)

numbers = [n for n, rows in rows_by_number.items()
           if any(r[23] == '1' for r in rows) and not any(r[2] in ('21', '99') for r in rows)]
rnd.shuffle(numbers)
master = numbers[:30000]
absent = numbers[30000:40000]
master_set = set(master)

def current(n):
    return [r for r in rows_by_number[n] if r[23] == '1'][-1]

# the sample master: every NTA row of the chosen numbers, in the original order
buf = io.StringIO()
w = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator='\n')
for n, rows in rows_by_number.items():
    if n in master_set:
        for r in rows:
            w.writerow(r)
with gzip.GzipFile(f'{OUT}/nta-sample.csv.gz', 'wb', mtime=0) as g:
    g.write(buf.getvalue().encode('utf-8'))

def half(s):
    return unicodedata.normalize('NFKC', s)

# offices: 1-3 per company for 1,500 companies, at the real address of another company
with_offices = master[:1500]
offices = []
for i, n in enumerate(with_offices):
    for k in range(rnd.randint(1, 3)):
        other = current(rnd.choice(numbers))
        offices.append([f'OF-{n}-{k+1}', n, f'{half(other[10])}営業所', half(other[9]), half(other[10]),
                        half(other[11]), other[15], f'0{rnd.randint(3,99)}-{rnd.randint(100,999)}-{rnd.randint(1000,9999)}'])
with open(f'{OUT}/offices.csv', 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['office_id', 'company_id', 'name', 'prefecture', 'city', 'street', 'postal_code', 'phone'])
    w.writerows(offices)
office_by_company = {}
for o in offices:
    office_by_company.setdefault(o[1], []).append(o)

FORMS = ['株式会社', '有限会社', '合同会社']
ABBR = {'株式会社': ['(株)', '㈱', '（株）', '株式会社'], '有限会社': ['(有)', '㈲', '有限会社'], '合同会社': ['(同)', '合同会社']}

def variant(name):
    """The name as partners write it: legal form abbreviated or moved, width changed, spaces."""
    form = next((f for f in FORMS if f in name), None)
    core = name.replace(form, '') if form else name
    if form:
        written = rnd.choice(ABBR[form])
        core = f'{written}{core}' if rnd.random() < 0.5 else f'{core}{written}'
        if rnd.random() < 0.3:
            core = core.replace(written, written + ' ') if core.startswith(written) else core.replace(written, ' ' + written)
    if rnd.random() < 0.5:
        core = half(core)
    return core

def typo(name):
    chars = list(name)
    i = rnd.randrange(len(chars))
    chars[i] = rnd.choice('アイウエオカキクケコサシスセソ')
    return ''.join(chars)

def wrong_check_digit(number):
    return str((int(number[0]) + rnd.randint(1, 8)) % 10) + number[1:]

TITLES = ['営業スタッフ', '経理事務', '施工管理', 'Webエンジニア', '介護職員', '倉庫内作業', '販売スタッフ', '看護師', '配送ドライバー', '製造オペレーター']
TYPES = ['正社員', '契約社員', 'パート・アルバイト', '派遣社員']

postings = []
def posting(pid, name, number='', postal='', address='', work=''):
    lo = rnd.choice([2_400_000, 3_000_000, 3_600_000, 4_200_000])
    return [pid, name, number, postal, address, f'03-{rnd.randint(1000,9999)}-{rnd.randint(1000,9999)}',
            rnd.choice(TITLES), rnd.choice(TYPES), str(lo), str(lo + rnd.choice([600_000, 1_200_000, 2_000_000])),
            work or address, f'2026/{rnd.randint(9,11)}/{rnd.randint(1,28)}', f'https://jobs.example.jp/{pid}']

pid = 100000
for i in range(3000):
    pid += 1
    p = f'P{pid}'
    roll = rnd.random()
    if roll < 0.13:
        c = current(rnd.choice(absent))
        postings.append(posting(p, variant(c[6]), '', c[15], f'{c[9]}{c[10]}{c[11]}'))
        continue
    n = rnd.choice(master)
    c = current(n)
    address = f'{c[9]}{c[10]}{c[11]}'
    if roll < 0.43:
        postings.append(posting(p, variant(c[6]), n if rnd.random() < 0.8 else half(n[:4] + '-' + n[4:]), c[15], address))
    elif roll < 0.45:
        postings.append(posting(p, variant(c[6]), wrong_check_digit(n), c[15], address))
    elif roll < 0.78:
        if n in office_by_company and rnd.random() < 0.5:
            o = rnd.choice(office_by_company[n])
            postings.append(posting(p, variant(c[6]), '', '', address, f'{o[3]}{o[4]}{o[5]}'))
        else:
            postings.append(posting(p, variant(c[6]), '', c[15][:3] + '-' + c[15][3:], address))
    elif roll < 0.86:
        postings.append(posting(p, variant(c[6]), '', '', f'{c[10]}{c[11]}'))
    elif roll < 0.93:
        postings.append(posting(p, variant(c[6]) + rnd.choice([' 新宿支店', ' 大阪営業所', ' 本社']), '', c[15], address))
    else:
        postings.append(posting(p, typo(variant(c[6])), '', c[15], address))

# bad rows, each with one problem, and repeated posting ids
for i in range(0, 3000, 75):
    kind = (i // 75) % 4
    if kind == 0:
        postings[i][1] = ''
    elif kind == 1:
        postings[i][8] = '応相談'
    elif kind == 2:
        postings[i][8], postings[i][9] = '5000000', '3000000'
    else:
        postings[i][11] = '2026/13/45'
for i in range(37, 3000, 150):
    postings.append(list(postings[i]))
rnd.shuffle(postings)

with open(f'{OUT}/postings.csv', 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['求人ID', '会社名', '法人番号', '郵便番号', '所在地', '電話番号', '職種', '雇用形態', '給与下限', '給与上限', '勤務地', '掲載日', '求人URL'])
    w.writerows(postings)
print(f'master numbers {len(master)}, offices {len(offices)}, postings {len(postings)}')
