"""How long large maps take: build → project → lay out → render → open in headless Chromium.

A synthetic corpus (deterministic) of meetings, posts and implementations gives an entity graph
of a few thousand nodes. Prints one line per stage. Usage:

    python benchmarks/maps.py [--articles 600] [--limit 1500] [--out /tmp/bench-map.html] [--screenshot x.png]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Xuân", "Công", "Ngọc"]
GIVEN = ["An", "Bình", "Chính", "Dũng", "Hải", "Hòa", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Sơn", "Tâm",
         "Thái", "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Hạnh", "Hồng", "Khánh", "Lâm", "Quân", "Toàn"]
PROVINCES = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Bắc Giang", "Bắc Kạn", "Nghệ An", "Quảng Nam", "Thanh Hóa",
             "Yên Bái", "Lào Cai", "Cao Bằng", "Hòa Bình", "Sơn La", "Điện Biên", "Lai Châu", "Hà Giang", "Tuyên Quang",
             "Thái Nguyên", "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định",
             "Ninh Bình", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Huế", "Quảng Ngãi", "Bình Định", "Phú Yên",
             "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng"]


def corpus(n_articles: int, seed: int = 1):
    from graphkit.extract.facts import (ArticleFacts, Body, Citation, Directive, Evidence, Holding, Implementation,
                                        Meeting, Mention, Place, Post)
    from graphkit.ingest.article import Article

    rnd = random.Random(seed)
    people = sorted({f"{a} {b} {c}" for a in SURNAMES for b in MIDDLE for c in GIVEN})
    rnd.shuffle(people)
    people = people[: n_articles * 3]
    directives = [Directive(f"{k}-NQ/TW", "Nghị quyết", str(k), "NQ", "TW", "party", issuer="Ban Chấp hành Trung ương",
                            term="XII") for k in range(1, 120)]
    facts = []
    for i in range(n_articles):
        prov = PROVINCES[i % len(PROVINCES)]
        place = Place(prov)
        bodies = [Body(f"Tỉnh ủy {prov}", "Tỉnh ủy", "province", place),
                  Body(f"Ủy ban nhân dân tỉnh {prov}", "Ủy ban nhân dân", "province", place),
                  Body(f"Ban Tổ chức Tỉnh ủy {prov}", "Ban Tổ chức", "province", place)]
        who = rnd.sample(people, 6)
        ev = Evidence(f"Câu {i}: {', '.join(who)} dự hội nghị tại {prov}.")
        date = dt.date(2018, 1, 1) + dt.timedelta(days=(i * 7) % 2500)
        holds = [Holding(p, Post(f"Ủy viên {b.label}", "Ủy viên", b), evidence=ev)
                 for p, b in zip(who[:3], bodies)]
        d1, d2 = rnd.sample(directives, 2)
        facts.append(ArticleFacts(
            Article(f"bench-{i:05d}", "", "bench", title=f"Bài {i} về {prov}", date=date),
            persons=[Mention(p, (p,), ev) for p in who], holdings=holds, directives=[d1, d2],
            meetings=[Meeting(0, f"Hội nghị {i} tại {prov}", ev, date=date, chairs=[(who[0], ev)],
                              attendees=[(p, ev) for p in who[1:]])],
            implementations=[Implementation(place, d1, ev)], citations=[Citation(d1, d2, ev)]))
    return facts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--limit", type=int, default=1500)
    ap.add_argument("--out", default="/tmp/bench-map.html")
    ap.add_argument("--screenshot")
    args = ap.parse_args()

    from graphkit.analytics.kgindex import KGIndex
    from graphkit.analytics.projections import entity_graph, person_person
    from graphkit.kg.build import to_dataset
    from graphkit.viz import maps
    from tests.viz import browser

    def stage(name, fn):
        t = time.perf_counter()
        value = fn()
        print(f"{name:<34} {time.perf_counter() - t:7.2f} s")
        return value

    facts = stage("facts", lambda: corpus(args.articles))
    ds = stage("to_dataset", lambda: to_dataset(facts))
    print(f"{'quads':<34} {len(ds):7d}")
    idx = stage("KGIndex.read", lambda: KGIndex.read(ds))
    P = stage("person_person", lambda: person_person(idx))
    print(f"{'person projection':<34} {len(P):7d} nodes {P.number_of_edges():7d} edges")
    G = stage("entity_graph", lambda: entity_graph(idx))
    print(f"{'entity graph':<34} {len(G):7d} nodes {G.number_of_edges():7d} edges")
    stage("spring_positions (all nodes)", lambda: maps.spring_positions(G))
    m = stage(f"render (limit {args.limit})", lambda: maps.render(G, node_limit=args.limit))
    m.write(args.out)
    print(f"{'page':<34} {len(m.html.encode()) / 1e6:7.2f} MB, {m.nodes} of {m.total_nodes} nodes, {m.edges} edges")
    if browser.find_chromium():
        r = browser.open_page(args.out, ready="document.getElementById('gk-status').getAttribute('data-ready')==='1'",
                              evaluate="window.graphkitMap.nodes.length", screenshot=bool(args.screenshot),
                              timeout=300)
        print(f"{'chromium: load event':<34} {r.load_seconds:7.2f} s")
        print(f"{'chromium: first drawing':<34} {r.ready_seconds:7.2f} s")
        print(f"{'chromium: DataSet nodes':<34} {r.value:7d}   errors {len(r.errors)}   "
              f"external requests {len(r.external_requests)}")
        if args.screenshot:
            Path(args.screenshot).write_bytes(r.screenshot)
    else:
        print("no Chromium: install it with 'apt-get install chromium' to time the page")


if __name__ == "__main__":
    main()
