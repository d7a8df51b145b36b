#!/usr/bin/env python3
"""The analyst's baseline: `netra report` redone with pandas and matplotlib.

Reads a Netra dataset folder (events.csv, jurisdictions.csv, elections.csv), checks it,
computes the same counts, lead times, summary and comparison as Netra, writes the same CSV
exports and draws the same charts (1600 x 900 PNGs, Agg backend). Written the way a
competent analyst would write a notebook: vectorised pandas, no row loops over events.

    python pandas_report.py --dataset DIR --out DIR

Prints the wall time and the process's CPU time of each stage (read, validate, analytics,
charts, exports, total) and the peak RSS of the process (getrusage ru_maxrss). Exit 1 when the data is invalid (nothing written).
See bench/README.md for how it differs from Netra.
"""
import argparse
import os
import resource
import sys
import time

import numpy as np
import pandas as pd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

# --- vocabulary (Sources/NetraCore/Model/Vocabulary.swift) -------------------------------
KINDS = ["regulation", "task_force", "directive", "sosialisasi", "pledge", "incident",
         "response", "report", "decision", "sanction", "case_tally", "statement"]
PREVENTION = ["regulation", "task_force", "directive", "sosialisasi", "pledge"]
HANDLING_KINDS = {"response": "response", "report": "report", "decision": "decision", "sanction": "sanction"}
STATUSES = ["alleged", "confirmed", "dismissed", "sanctioned"]
PRECISIONS = ["day", "month", "year", "on-or-before"]
RELATIONS = ["responds_to", "follows_up", "implements", "reports", "decides", "sanctions", "part_of"]
HANDLING_RELATIONS = ["responds_to", "reports", "decides", "sanctions"]
LEVELS = ["kota", "kabupaten", "provinsi", "nasional"]
MEASURES = ["prevention", "response", "report", "decision", "sanction", "reporting_lag"]
EVENT_COLUMNS = ["id", "date", "precision", "end_date", "kind", "jurisdiction", "title", "actors",
                 "place", "count", "unit", "status", "links", "source", "source_url", "source_date",
                 "quote", "notes"]
REQUIRED = ["id", "date", "precision", "kind", "jurisdiction", "title", "source"]
COMPUTED = ["month", "anchor_date", "date_exact", "prevention_lead_days", "prevention_election",
            "first_response_days", "first_report_days", "first_decision_days", "first_sanction_days",
            "reporting_lag_days"]

# One fixed colour per kind (Netra's KindPalette: Okabe-Ito / Tol, colour-blind safe).
KIND_COLORS = {"regulation": "#0072B2", "task_force": "#009E73", "directive": "#56B4E9",
               "sosialisasi": "#F0E442", "pledge": "#CC79A7", "incident": "#D55E00",
               "response": "#E69F00", "report": "#332288", "decision": "#000000",
               "sanction": "#882255", "case_tally": "#8C510A", "statement": "#999999"}
SERIES = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#999933",
          "#44AA99", "#332288"]
MEASURE_LABELS = {"prevention": "Prevention lead to election", "response": "Incident → first response",
                  "report": "Incident → first report", "decision": "Incident → first decision",
                  "sanction": "Incident → first sanction", "reporting_lag": "Reporting lag"}
LEVEL_RANK = {"nasional": 0, "provinsi": 1, "kabupaten": 2, "kota": 2}

W, H, DPI = 16, 9, 100  # 1600 x 900 px


# --- small helpers -------------------------------------------------------------------------
class Stages:
    """Wall time (and CPU time of this process, which a busy machine does not inflate) per stage."""

    def __init__(self):
        self.t0, self.c0 = time.perf_counter(), time.process_time()
        self.last, self.clast = self.t0, self.c0

    def done(self, name):
        now, cnow = time.perf_counter(), time.process_time()
        print(f"  {name:<10} {now - self.last:8.2f} s wall {cnow - self.clast:8.2f} s cpu   peak RSS {peak_mib():7.0f} MiB",
              file=sys.stderr, flush=True)
        self.last, self.clast = now, cnow

    def total(self):
        return time.perf_counter() - self.t0, time.process_time() - self.c0


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def sniff_sep(path):
    with open(path, "r", encoding="utf-8-sig", newline="") as f:
        head = f.readline()
    return ";" if head.count(";") > head.count(",") else ","


def read_table(path, dtype=str):
    return pd.read_csv(path, sep=sniff_sep(path), dtype=dtype, keep_default_na=False,
                       na_filter=False, encoding="utf-8-sig")


def median_text(v):
    """12 or 12.5, like Netra's Median.description."""
    if pd.isna(v):
        return ""
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}"


def compact(n):
    return f"{n / 1000:.1f}k".replace(".0k", "k") if n >= 1000 else str(n)


DATE_RE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"


def parse_dates(s):
    """YYYY-MM-DD / YYYY-MM / YYYY -> (anchor datetime64, form 'day'|'month'|'year'|'', last day)."""
    n = s.str.len()
    anchor = pd.Series(pd.NaT, index=s.index, dtype="datetime64[s]")
    form = pd.Series("", index=s.index, dtype=object)
    for length, fmt, name in ((10, "%Y-%m-%d", "day"), (7, "%Y-%m", "month"), (4, "%Y", "year")):
        m = n == length
        if m.any():
            anchor[m] = pd.to_datetime(s[m], format=fmt, errors="coerce")
            form[m & anchor.notna()] = name
    last = anchor.copy()
    mm = form == "month"
    last[mm] = anchor[mm] + pd.offsets.MonthEnd(0)
    yy = form == "year"
    last[yy] = anchor[yy] + pd.offsets.YearEnd(0)
    return anchor, form, last


def days(dt):
    """datetime64 Series -> integer days since 1970 (NaT -> min int)."""
    return dt.to_numpy(dtype="datetime64[D]").astype("int64")


# --- read ------------------------------------------------------------------------------------
def read(dataset):
    cats = {c: "category" for c in ("precision", "kind", "jurisdiction", "unit", "status", "source")}
    ev = read_table(os.path.join(dataset, "events.csv"), dtype={**{c: str for c in EVENT_COLUMNS}, **cats})
    jur = read_table(os.path.join(dataset, "jurisdictions.csv"))
    el = read_table(os.path.join(dataset, "elections.csv"))
    return ev, jur, el


# --- validate (and parse into typed columns) -------------------------------------------------
def validate(ev, jur, el):
    errors = []  # (file, record, column, message); record 1 = first data row

    def bad(file, mask, column, message):
        idx = np.flatnonzero(np.asarray(mask))
        for r in idx[:1000]:
            errors.append((file, int(r) + 1, column, message if isinstance(message, str) else message(int(r))))
        if len(idx) > 1000:
            errors.append((file, int(idx[1000]) + 1, column, f"... and {len(idx) - 1000} more"))

    # jurisdictions.csv
    for c in ("id", "name", "level", "parent"):
        if c not in jur.columns:
            errors.append(("jurisdictions.csv", 0, c, "missing column"))
    if errors:
        return errors, None
    jur["id"] = jur["id"].str.strip()
    jur["parent"] = jur["parent"].str.strip()
    bad("jurisdictions.csv", jur["id"] == "", "id", "missing id")
    bad("jurisdictions.csv", jur["id"].duplicated(), "id", lambda r: f"duplicate id '{jur['id'][r]}'")
    bad("jurisdictions.csv", ~jur["level"].str.strip().isin(LEVELS), "level", lambda r: f"unknown level '{jur['level'][r]}'")
    bad("jurisdictions.csv", (jur["parent"] != "") & ~jur["parent"].isin(jur["id"]), "parent",
        lambda r: f"unknown jurisdiction '{jur['parent'][r]}'")
    jids = list(jur["id"])
    parent = dict(zip(jur["id"], jur["parent"]))
    lineage = {}
    for j in jids:  # a handful of rows: a plain loop is what anyone would write
        line, cur = [], j
        while cur and cur in parent and cur not in line:
            line.append(cur)
            cur = parent[cur]
        if cur in line:
            errors.append(("jurisdictions.csv", jids.index(j) + 1, "parent", f"cycle of parents through '{j}'"))
        lineage[j] = line

    # elections.csv
    for c in ("id", "name", "date", "scope"):
        if c not in el.columns:
            errors.append(("elections.csv", 0, c, "missing column"))
    if errors:
        return errors, None
    el["id"] = el["id"].str.strip()
    el["scope"] = el["scope"].str.strip()
    el_anchor, el_form, _ = parse_dates(el["date"].str.strip())
    bad("elections.csv", el["id"].duplicated(), "id", lambda r: f"duplicate id '{el['id'][r]}'")
    bad("elections.csv", el_form != "day", "date", lambda r: f"an election date needs YYYY-MM-DD; got '{el['date'][r]}'")
    bad("elections.csv", ~el["scope"].isin(jids), "scope", lambda r: f"unknown jurisdiction '{el['scope'][r]}'")
    el["date"] = el_anchor

    # events.csv: columns
    missing = [c for c in REQUIRED if c not in ev.columns]
    for c in missing:
        errors.append(("events.csv", 0, c, "missing column"))
    if missing:
        return errors, None
    extras = [c for c in ev.columns if c not in EVENT_COLUMNS]
    for c in EVENT_COLUMNS:
        if c not in ev.columns:
            ev[c] = ""
    F = "events.csv"
    ev["id"] = ev["id"].str.strip()
    ids = ev["id"]
    bad(F, ids == "", "id", "missing id")
    dup = ids.duplicated() & (ids != "")
    bad(F, dup, "id", lambda r: f"duplicate id '{ids[r]}'")

    # categorical cells: known values only (checked on the categories, not per row)
    for col, allowed, optional in (("kind", KINDS, False), ("precision", PRECISIONS, True),
                                   ("status", STATUSES, True), ("jurisdiction", jids, False)):
        s = ev[col]
        stripped = s.cat.categories.str.strip()
        if not (stripped == s.cat.categories).all():
            s = s.astype(str).str.strip().astype("category")
        unknown = [c for c in s.cat.categories if c not in allowed and not (optional and c == "")]
        if unknown:
            bad(F, s.isin(unknown), col, lambda r, s=s, col=col: f"unknown {col} '{s.iloc[r]}'")
        ev[col] = s.cat.set_categories(allowed)  # "" and unknowns -> NaN
        if not optional:
            bad(F, s == "", col, f"missing {col}")

    # dates
    raw = ev["date"].str.strip()
    anchor, form, last = parse_dates(raw)
    bad_date = anchor.isna()
    if bad_date.any():
        wellformed = raw.str.fullmatch(DATE_RE)
        bad(F, bad_date & wellformed, "date", lambda r: f"impossible date '{raw[r]}'")
        bad(F, bad_date & ~wellformed, "date", lambda r: f"malformed date '{raw[r]}'")
    prec = ev["precision"]
    prec = prec.astype(object).where(prec.notna(), form)  # empty precision: the date's form
    mismatch = prec.isin(["day", "month", "year"]) & (prec != form) & anchor.notna()
    bad(F, mismatch, "precision", lambda r: f"precision '{prec[r]}' does not match the date '{raw[r]}'")
    ev["precision"] = pd.Categorical(prec, categories=PRECISIONS)

    end_raw = ev["end_date"].str.strip()
    has_end = end_raw != ""
    end_anchor, end_form, end_last = parse_dates(end_raw.where(has_end, "x"))
    bad(F, has_end & end_anchor.isna(), "end_date", lambda r: f"bad date '{end_raw[r]}'")
    bad(F, has_end & (end_last < anchor), "end_date", "the span ends before it starts")

    sd_raw = ev["source_date"].str.strip()
    has_sd = sd_raw != ""
    sd_anchor, sd_form, _ = parse_dates(sd_raw.where(has_sd, "x"))
    bad(F, has_sd & (sd_form != "day"), "source_date", lambda r: f"the publication date needs YYYY-MM-DD; got '{sd_raw[r]}'")

    cnt = ev["count"].str.strip()
    has_cnt = cnt != ""
    bad(F, has_cnt & ~cnt.str.fullmatch(r"\d+"), "count", lambda r: f"'{cnt[r]}' is not a whole number, 0 or more")
    count = pd.to_numeric(cnt.where(has_cnt, None), errors="coerce").astype("Int64")

    bad(F, ev["source"].isna() | (ev["source"].astype(str).str.strip() == ""), "source", "missing source")

    # links: one row per link (src = the effect's row, target = its cause's id)
    lk = ev["links"]
    parts = lk[lk != ""].str.split(";").explode().str.strip()
    parts = parts[parts != ""]
    rel_tgt = parts.str.partition(":")
    links = pd.DataFrame({"src": parts.index.to_numpy(), "rel": rel_tgt[0].str.strip().to_numpy(),
                          "colon": (rel_tgt[1] == ":").to_numpy(), "target": rel_tgt[2].str.strip().to_numpy()})
    bad(F, ~links["colon"], "links", lambda r: f"malformed link in row of '{ids[links['src'][r]]}'")
    r_rows = links["src"].to_numpy()
    badrel = links["colon"] & ~links["rel"].isin(RELATIONS)
    badtgt = links["colon"] & (links["target"] == "")
    selfl = links["target"].to_numpy() == ids.to_numpy()[r_rows]
    for mask, msg in ((badrel, "unknown relation"), (badtgt, "link names no target"), (selfl, "links to itself")):
        for k in np.flatnonzero(np.asarray(mask))[:1000]:
            errors.append((F, int(r_rows[k]) + 1, "links", f"{msg}: '{links['rel'][k]}:{links['target'][k]}'"))
    links = links[links["colon"] & ~badrel & ~badtgt & ~selfl].drop_duplicates(["src", "rel", "target"])
    first = ~ids.duplicated()
    pos = pd.Index(ids[first]).get_indexer(links["target"])
    unknown = pos < 0
    for k in np.flatnonzero(unknown)[:1000]:
        errors.append((F, int(links["src"].iloc[k]) + 1, "links", f"link to unknown event '{links['target'].iloc[k]}'"))
    links = links[~unknown].assign(dst=np.flatnonzero(first.to_numpy())[pos[~unknown]])
    links = links[["src", "rel", "dst"]].reset_index(drop=True)
    links["rel"] = pd.Categorical(links["rel"], categories=RELATIONS)

    # an effect may not be dated before its cause under every reading of the dates
    a_day, last_day = days(anchor), days(last)
    onob = (ev["precision"] == "on-or-before").to_numpy()
    causal = (links["rel"] != "part_of").to_numpy()
    s_, d_ = links["src"].to_numpy(), links["dst"].to_numpy()
    early = causal & ~onob[d_] & (last_day[s_] < a_day[d_])
    for k in np.flatnonzero(early)[:1000]:
        errors.append((F, int(s_[k]) + 1, "links", f"'{ids[s_[k]]}' is dated before '{ids[d_[k]]}', which it links to"))

    # cycles: peel events with no causes left until nothing changes; what remains is in a cycle
    src, dst = s_, d_
    while len(src):
        has_cause = np.zeros(len(ev), bool)
        has_cause[src] = True
        keep = has_cause[dst]
        if keep.all():
            break
        src, dst = src[keep], dst[keep]
    for r in np.unique(src)[:1000]:
        errors.append((F, int(r) + 1, "links", f"'{ids[r]}' is on a cycle of links"))

    if errors:
        return errors, None
    ev["anchor"] = anchor
    ev["a"] = a_day
    ev["count_n"] = count
    ev["source_day"] = np.where(has_sd, days(sd_anchor), np.iinfo("int64").min)
    ev["has_sd"] = has_sd
    ev["exact"] = (ev["precision"] == "day").to_numpy()
    ev["month"] = anchor.dt.to_period("M")
    return [], dict(lineage=lineage, links=links, extras=extras, jids=jids)


# --- analytics --------------------------------------------------------------------------------
def analytics(ev, jur, el, ctx):
    lineage, links, jids = ctx["lineage"], ctx["links"], ctx["jids"]
    anc = pd.DataFrame([(j, a) for j in jids for a in lineage[j]], columns=["jurisdiction", "ancestor"])
    anc["jurisdiction"] = pd.Categorical(anc["jurisdiction"], categories=jids)

    # monthly counts: own, then rolled up through the parent chain
    own = (ev.groupby(["month", "jurisdiction", "kind"], observed=True)
             .agg(events=("id", "size"), count_sum=("count_n", "sum")).reset_index())
    roll = (own.merge(anc, on="jurisdiction")
               .groupby(["month", "ancestor", "kind"], observed=True)[["events", "count_sum"]].sum().reset_index()
               .rename(columns={"ancestor": "jurisdiction"}))
    def tidy(t):
        t = t.astype({"jurisdiction": str, "kind": str})
        return t.sort_values(["month", "jurisdiction", "kind"]).reset_index(drop=True)[
            ["month", "jurisdiction", "kind", "events", "count_sum"]]
    monthly, rollup = tidy(own), tidy(roll)

    n = len(ev)
    jur_of = ev["jurisdiction"].astype(str).to_numpy()
    ids = ev["id"].to_numpy()

    # prevention lead: next election on or after the anchor whose scope is in the lineage
    scope = pd.DataFrame([(j, e.id, e.date) for j in jids for e in el.itertuples() if e.scope in lineage[j]],
                         columns=["jurisdiction", "target_id", "el_date"]).sort_values(["el_date", "target_id"])
    prev = ev.loc[ev["kind"].isin(PREVENTION), ["jurisdiction", "anchor", "exact"]]
    prev = prev.assign(row=prev.index, jurisdiction=prev["jurisdiction"].astype(str)).sort_values("anchor")
    prev = pd.merge_asof(prev, scope.astype({"jurisdiction": str}), left_on="anchor", right_on="el_date",
                         by="jurisdiction", direction="forward").dropna(subset=["target_id"])
    prevention = pd.DataFrame({"measure": "prevention", "row": prev["row"].to_numpy(),
                               "target_id": prev["target_id"].to_numpy(),
                               "days": (prev["el_date"] - prev["anchor"]).dt.days.to_numpy(),
                               "exact": prev["exact"].to_numpy()})

    # incident -> first response/report/decision/sanction, following handling links transitively
    # from the incident to the later events that point back at it
    h = links.loc[links["rel"].isin(HANDLING_RELATIONS), ["src", "dst"]]
    is_inc = (ev["kind"] == "incident").to_numpy()
    frontier = h[is_inc[h["dst"].to_numpy()]].rename(columns={"dst": "inc", "src": "node"})[["inc", "node"]]
    reached = [frontier]
    while len(frontier):
        frontier = (frontier.merge(h, left_on="node", right_on="dst")[["inc", "src"]]
                            .rename(columns={"src": "node"}).drop_duplicates())
        reached.append(frontier)
    pairs = pd.concat(reached).drop_duplicates()
    kind_of = ev["kind"].astype(str).to_numpy()
    a = ev["a"].to_numpy()
    exact = ev["exact"].to_numpy()
    pairs = pairs.assign(kind=kind_of[pairs["node"]])
    pairs = pairs[pairs["kind"].isin(list(HANDLING_KINDS))]
    pairs = pairs.assign(a=a[pairs["node"]], nid=ids[pairs["node"]])
    firsts = pairs.sort_values(["inc", "kind", "a", "nid", "node"]).drop_duplicates(["inc", "kind"])
    handling = pd.DataFrame({"measure": firsts["kind"].to_numpy(), "row": firsts["inc"].to_numpy(),
                             "target_id": firsts["nid"].to_numpy(),
                             "days": firsts["a"].to_numpy() - a[firsts["inc"]],
                             "exact": exact[firsts["inc"]] & exact[firsts["node"]]})

    # reporting lag: source_date - anchor
    has_sd = ev["has_sd"].to_numpy()
    lag_rows = np.flatnonzero(has_sd)
    lag = pd.DataFrame({"measure": "reporting_lag", "row": lag_rows, "target_id": "",
                        "days": ev["source_day"].to_numpy()[lag_rows] - a[lag_rows], "exact": exact[lag_rows]})

    lt = pd.concat([prevention, handling, lag], ignore_index=True)
    lt["measure"] = pd.Categorical(lt["measure"], categories=MEASURES, ordered=True)
    lt["event_id"] = ids[lt["row"]]
    lt["jurisdiction"] = jur_of[lt["row"]]
    lt["days"] = lt["days"].astype("int64")
    lt = lt.sort_values(["measure", "event_id"], kind="stable").reset_index(drop=True)

    # summary per measure x jurisdiction
    summary = (lt.groupby(["measure", "jurisdiction"], observed=True)
                 .agg(n=("days", "size"), median=("days", "median"), min=("days", "min"),
                      max=("days", "max"), exact_n=("exact", "sum")).reset_index())
    summary["median"] = summary["median"].map(median_text)

    # per-event computed columns for events.csv
    wide = lt.pivot_table(index="row", columns="measure", values="days", aggfunc="first", observed=True)
    computed = pd.DataFrame(index=ev.index)
    computed["month"] = ev["month"]
    computed["anchor_date"] = ev["anchor"]
    computed["date_exact"] = np.where(exact, "true", "false")
    for m, col in (("prevention", "prevention_lead_days"), ("prevention", None), ("response", "first_response_days"),
                   ("report", "first_report_days"), ("decision", "first_decision_days"),
                   ("sanction", "first_sanction_days"), ("reporting_lag", "reporting_lag_days")):
        if col is None:
            computed["prevention_election"] = pd.Series(prevention["target_id"].to_numpy(),
                                                        index=prevention["row"].to_numpy()).reindex(ev.index).fillna("")
        else:
            computed[col] = (wide[m] if m in wide.columns else pd.Series(dtype="float64")).reindex(ev.index).astype("Int64")

    # comparison
    pair = default_pair(ev, jids)
    compare = compare_table(ev, lt, lineage, pair) if pair else None
    return dict(monthly=monthly, rollup=rollup, leadtimes=lt, summary=summary, computed=computed,
                pair=pair, compare=compare)


def default_pair(ev, jids):
    if "kota-bekasi" in jids and "kabupaten-bekasi" in jids:
        return ("kota-bekasi", "kabupaten-bekasi")
    if len(jids) < 2:
        return None
    n = ev["jurisdiction"].value_counts().reindex(jids, fill_value=0)
    top = sorted(jids, key=lambda j: (-n[j], j))
    return (top[0], top[1])


def within(lineage, root):
    return [j for j, line in lineage.items() if root in line]


def compare_table(ev, lt, lineage, pair):
    cols = {}
    for side in pair:
        inside = within(lineage, side)
        e = ev[ev["jurisdiction"].isin(inside)]
        t = lt[lt["jurisdiction"].isin(inside)]
        prev = e[e["kind"].isin(PREVENTION)]
        inc = e[e["kind"] == "incident"]
        by_status = inc["status"].value_counts()
        tallies = ev[(ev["jurisdiction"] == side) & (ev["kind"] == "case_tally") & ev["count_n"].notna()]
        latest = tallies.sort_values(["a", "count_n"]).tail(1)
        med = t.groupby("measure", observed=True)["days"].median()
        cols[side] = [
            len(prev),
            prev["anchor"].min().strftime("%Y-%m-%d") if len(prev) else "",
            median_text(med.get("prevention", np.nan)),
            int(e.loc[e["kind"] == "pledge", "count_n"].sum()),
            len(inc),
            *[int(by_status.get(s, 0)) for s in STATUSES],
            *[median_text(med.get(m, np.nan)) for m in ("response", "report", "decision", "sanction")],
            int(latest["count_n"].iloc[0]) if len(latest) else 0,
            latest["anchor"].iloc[0].strftime("%Y-%m-%d") if len(latest) else "",
        ]
    metrics = ["prevention_events", "first_prevention_date", "median_prevention_lead_days", "pledge_signatories",
               "incidents_total", "incidents_alleged", "incidents_confirmed", "incidents_dismissed",
               "incidents_sanctioned", "median_first_response_days", "median_first_report_days",
               "median_first_decision_days", "median_first_sanction_days", "cases_latest", "cases_latest_date"]
    return pd.DataFrame({"metric": metrics, **cols})


# --- charts ------------------------------------------------------------------------------------
def frame(title, subtitle, footer, handles=None, ncol=8):
    fig = plt.figure(figsize=(W, H), dpi=DPI)
    fig.text(0.02, 0.955, title, fontsize=24, fontweight="bold", va="top")
    fig.text(0.02, 0.895, subtitle, fontsize=14, color="#555555", va="top")
    fig.text(0.02, 0.02, footer, fontsize=11, color="#555555")
    if handles:
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.015, 0.865), ncol=ncol, frameon=False,
                   fontsize=12, handlelength=1.2, columnspacing=1.2)
    return fig


def save(fig, path):
    fig.savefig(path, dpi=DPI)
    plt.close(fig)


def kind_handles(kinds, marker=False):
    if marker:
        return [Line2D([], [], marker="o", ls="", color=KIND_COLORS[k], markeredgecolor="#333333", markersize=10, label=k)
                for k in kinds]
    return [Patch(facecolor=KIND_COLORS[k], label=k) for k in kinds]


def month_axis(ax, months):
    n = len(months)
    step = 1 if n <= 24 else 3 if n <= 72 else 12
    pos = [i for i, m in enumerate(months) if i % step == 0 or m.month == 1 and step < 12]
    ax.set_xticks(pos)
    ax.set_xticklabels([months[i].strftime("%b") + ("\n" + str(months[i].year) if months[i].month == 1 or i == 0 else "")
                        for i in pos], rotation=0, fontsize=11)


def monthly_chart(counts, title, footer, path):
    """counts: rows = every month from first to last with an event, columns = kinds present."""
    total = int(counts.to_numpy().sum())
    sub = f"{total:,} events · {counts.index[0].strftime('%b %Y')} – {counts.index[-1].strftime('%b %Y')}" if total else "no events"
    fig = frame(title, sub, footer, kind_handles(list(counts.columns)), ncol=12)
    ax = fig.add_axes([0.07, 0.12, 0.91, 0.64])
    if total:
        # positional x (pandas 3 would place a PeriodIndex at period ordinals); months labelled below
        counts.reset_index(drop=True).plot.bar(stacked=True, ax=ax, width=0.8, legend=False, edgecolor="none",
                                               color=[KIND_COLORS[k] for k in counts.columns])
        month_axis(ax, list(counts.index))
    ax.set_ylabel("Events", fontsize=13)
    ax.set_xlabel("")
    ax.grid(axis="y", color="#e5e5e5")
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    save(fig, path)


def month_table(rollup_rows):
    t = rollup_rows.pivot_table(index="month", columns="kind", values="events", aggfunc="sum", fill_value=0)
    t = t.reindex(columns=[k for k in KINDS if k in t.columns])
    if len(t):
        t = t.reindex(pd.period_range(t.index.min(), t.index.max(), freq="M"), fill_value=0)
    return t


def timeline_chart(ev, jur, el, ctx, footer, path):
    lineage = ctx["lineage"]
    info = jur.set_index("id")
    counts = ev["jurisdiction"].value_counts()
    used = [j for j in info.index if counts.get(j, 0) > 0]
    rank = lambda j: (LEVEL_RANK.get(info.at[j, "level"], 2), info.at[j, "name"])  # noqa: E731
    lane_of = {j: j for j in info.index}
    lanes = sorted(set(used), key=rank)
    max_lanes = 13  # what fits 1600 x 900 at a legible row height
    rolled = False
    for level in (2, 1):
        if len(lanes) <= max_lanes:
            break
        for j in info.index:
            if LEVEL_RANK.get(info.at[lane_of[j], "level"], 2) >= level:
                up = [x for x in lineage[j] if LEVEL_RANK.get(info.at[x, "level"], 2) < level]
                if up:
                    lane_of[j] = up[0]
        lanes = sorted({lane_of[j] for j in used}, key=rank)
        rolled = True
    hidden = max(0, len(lanes) - max_lanes)
    lanes = lanes[:max_lanes]
    lane_idx = {j: i for i, j in enumerate(lanes)}

    first, last = ev["anchor"].min(), ev["anchor"].max()
    near = el[(el["date"] >= first - pd.Timedelta(days=366)) & (el["date"] <= last + pd.Timedelta(days=366))]
    lo, hi = min([first] + list(near["date"])), max([last] + list(near["date"]))
    pad = pd.Timedelta(days=max(3, (hi - lo).days // 40))
    lo, hi = lo - pad, hi + pad
    clustered = len(ev) > 150
    sub = f"{first:%d %b %Y} – {last:%d %b %Y} · {len(ev):,} events"
    if clustered:
        sub += " · aggregated per lane and period"
    if rolled:
        sub += " · kab/kota rolled into their province"
    if hidden:
        sub += f" · +{hidden} lanes hidden"
    kinds_present = [k for k in KINDS if (ev["kind"] == k).any()]
    handles = kind_handles(kinds_present, marker=True) + [Line2D([], [], color="#222222", ls="--", label="election day")]
    fig = frame("ASN neutrality timeline", sub, footer, handles, ncol=9)
    ax = fig.add_axes([0.17, 0.1, 0.81, 0.62])
    ax.set_xlim(lo, hi)
    ax.set_ylim(len(lanes), 0)
    for i in range(0, len(lanes), 2):
        ax.axhspan(i, i + 1, color="#f3f4f6", zorder=0)
    ax.set_yticks([i + 0.5 for i in range(len(lanes))])
    ax.set_yticklabels([info.at[j, "name"] for j in lanes], fontsize=12, fontweight="bold")
    ax.tick_params(axis="y", length=0)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.grid(axis="x", color="#e5e5e5")
    lane = ev["jurisdiction"].astype(str).map(lane_of).map(lane_idx)
    plot_px = 0.81 * W * DPI
    px_per_day = plot_px / max(1, (hi - lo).days)
    if clustered:
        # one pass to (lane, day, kind), then merge days into the finest period whose markers hold their count
        base = (pd.DataFrame({"lane": lane, "day": ev["anchor"], "kind": ev["kind"]}).dropna(subset=["lane"])
                  .groupby(["lane", "day", "kind"], observed=True).size().rename("n").reset_index())
        lane_h = 0.62 * H * DPI / max(1, len(lanes))
        for freq, span in (("D", 1), ("W-SUN", 7), ("M", 30.44), ("Q", 91.31), ("Y", 365.25)):
            px = span * px_per_day
            if px < 24:
                continue
            cells = base.assign(period=base["day"].dt.to_period(freq))
            per = cells.pivot_table(index=["lane", "period"], columns="kind", values="n", aggfunc="sum",
                                    fill_value=0, observed=True)
            widest = 8.5 * len(compact(int(per.sum(axis=1).max()))) + 8
            if px >= widest + 10 and lane_h * 0.8 >= widest * 0.5:
                break
        tot = per.sum(axis=1)
        top = per.idxmax(axis=1)
        periods = per.index.get_level_values("period")
        mid = periods.start_time + (periods.end_time - periods.start_time) / 2
        y = per.index.get_level_values("lane").to_numpy() + 0.55
        width_px = np.minimum(px - 2, lane_h * 0.84)
        labels = [compact(int(v)) for v in tot]
        radius = np.minimum(np.maximum(11, np.array([8.5 * len(s) / 2 + 4 for s in labels])), width_px / 2)
        ax.scatter(mid, y, s=(radius * 2 * 72 / DPI) ** 2, c=[KIND_COLORS[k] for k in top], edgecolors="#333333",
                   linewidths=1, zorder=3, alpha=0.9)
        for xm, ym, lab, r, k in zip(mid, y, labels, radius, top):
            if 8.5 * len(lab) <= 2 * r:
                ax.text(xm, ym, lab, ha="center", va="center", fontsize=10, fontweight="bold", zorder=4,
                        color="#222222" if k in ("sosialisasi", "directive", "response", "statement", "pledge") else "white")
    else:
        # detail: a marker per event (hollow = on or before, bar = month/year/span), links, labels
        d = ev.assign(lane=lane).dropna(subset=["lane"]).sort_values(["anchor", "id"])
        d["slot"] = d.groupby("lane").cumcount() % 4
        y = d["lane"].to_numpy() + 0.2 + 0.2 * d["slot"].to_numpy()
        d["y"] = y
        span = d["precision"].isin(["month", "year"]) | (d["end_date"].str.strip() != "")
        end = pd.to_datetime(d["end_date"].where(d["end_date"] != "", None), errors="coerce")
        mlast = d["anchor"] + pd.offsets.MonthEnd(0)
        ylast = d["anchor"] + pd.offsets.YearEnd(0)
        stop = end.fillna(mlast.where(d["precision"] == "month", ylast.where(d["precision"] == "year", d["anchor"])))
        for (_, r), s_ in zip(d[span].iterrows(), stop[span]):
            ax.barh(r["y"], (s_ - r["anchor"]).days + 1, left=r["anchor"], height=0.12,
                    color=KIND_COLORS[r["kind"]], alpha=0.35, zorder=2)
        dots = ~span
        hollow = d["precision"] == "on-or-before"
        ax.scatter(d.loc[dots & ~hollow, "anchor"], d.loc[dots & ~hollow, "y"], s=90, zorder=3,
                   c=[KIND_COLORS[k] for k in d.loc[dots & ~hollow, "kind"]], edgecolors="#333333")
        ax.scatter(d.loc[dots & hollow, "anchor"], d.loc[dots & hollow, "y"], s=90, zorder=3, facecolors="white",
                   edgecolors=[KIND_COLORS[k] for k in d.loc[dots & hollow, "kind"]], linewidths=2)
        pos = d[["anchor", "y"]]
        lk = ctx["links"]
        lk = lk[lk["src"].isin(pos.index) & lk["dst"].isin(pos.index)]
        for s_, t_ in zip(lk["src"], lk["dst"]):
            ax.plot([pos.at[s_, "anchor"], pos.at[t_, "anchor"]], [pos.at[s_, "y"], pos.at[t_, "y"]],
                    color="#888888", alpha=0.5, lw=1, zorder=1)
        for r in d.itertuples():
            ax.text(r.anchor + pd.Timedelta(days=(hi - lo).days / 300), r.y, (r.title or r.id)[:34],
                    fontsize=9, va="center", zorder=4)
    for e in el[(el["date"] >= lo) & (el["date"] <= hi)].itertuples():
        ax.axvline(e.date, color="#222222", ls="--", lw=1.5, zorder=2)
        ax.text(e.date, 1.01, f"{e.name}\n{e.date:%d %b %Y}", ha="center", va="bottom", fontsize=10,
                transform=ax.get_xaxis_transform())
    save(fig, path)


def compare_chart(ev, jur, ctx, pair, footer, path):
    lineage = ctx["lineage"]
    names = jur.set_index("id")["name"]
    side = {}
    for j in pair:
        e = ev[ev["jurisdiction"].isin(within(lineage, j))]
        prev = e.loc[e["kind"].isin(PREVENTION), "kind"].astype(str).value_counts().reindex(PREVENTION, fill_value=0)
        inc = (e.loc[e["kind"] == "incident", "status"].astype(str).replace("nan", "unknown")
                 .value_counts().reindex(STATUSES + ["unknown"], fill_value=0))
        sig = pd.Series({"pledge signatories": int(e.loc[e["kind"] == "pledge", "count_n"].sum())})
        side[j] = [prev, inc, sig]
    panels = ["Prevention events", "Incidents by status", "Pledge signatories"]
    kinds = [PREVENTION, ["incident"] * 5, ["pledge"]]
    a, b = pair
    fig = frame(f"{names[a]} vs {names[b]}", "each side counts the jurisdiction and everything under it", footer)
    heights = [5, 5, 1.4]
    gs = fig.add_gridspec(3, 1, height_ratios=heights, left=0.2, right=0.95, top=0.80, bottom=0.08, hspace=0.35)
    for p in range(3):
        ax = fig.add_subplot(gs[p])
        va, vb = side[a][p], side[b][p]
        top = max(1, int(max(va.max(), vb.max())))
        y = np.arange(len(va))
        cols = [KIND_COLORS[k] for k in kinds[p]]
        ax.barh(y, -va.to_numpy() / top, color=cols, alpha=0.95)
        ax.barh(y, vb.to_numpy() / top, color=cols, alpha=0.6)
        for yy, x1, x2 in zip(y, va.to_numpy(), vb.to_numpy()):
            ax.text(-x1 / top - 0.01, yy, f"{int(x1):,}", ha="right", va="center", fontsize=11)
            ax.text(x2 / top + 0.01, yy, f"{int(x2):,}", ha="left", va="center", fontsize=11)
        ax.set_yticks(y)
        ax.set_yticklabels(list(va.index), fontsize=12)
        ax.set_ylim(len(va) - 0.5, -0.5)
        ax.set_xlim(-1.25, 1.25)
        ax.axvline(0, color="#333333", lw=1)
        ax.set_xticks([])
        ax.spines[["top", "right", "bottom"]].set_visible(False)
        ax.set_title(panels[p], loc="left", fontsize=13, fontweight="bold")
        if p == 0:
            ax.text(-0.6, -1.6, names[a], ha="center", fontsize=14, fontweight="bold")
            ax.text(0.6, -1.6, names[b], ha="center", fontsize=14, fontweight="bold")
    save(fig, path)


def leadtimes_chart(lt, jur, footer, path):
    names = jur.set_index("id")["name"]
    measures = [m for m in MEASURES if (lt["measure"] == m).any()]
    handles = [Line2D([], [], marker="o", ls="", color=SERIES[i], markersize=10, label=MEASURE_LABELS[m])
               for i, m in enumerate(measures)]
    handles += [Line2D([], [], marker="o", ls="", markerfacecolor="white", markeredgecolor="#777777",
                       markersize=10, label="imprecise date"),
                Line2D([], [], color="#222222", lw=3, label="median")]
    fig = frame("Lead times per jurisdiction", f"{len(lt):,} lead times · hollow dots: imprecise dates", footer,
                handles, ncol=4)
    ax = fig.add_axes([0.2, 0.12, 0.6, 0.64])
    body_px, header, row_h = 0.64 * H * DPI, 26, 26
    groups = lt.groupby(["measure", "jurisdiction"], observed=True)
    keys = sorted(groups.groups.keys(), key=lambda k: (MEASURES.index(k[0]), k[1]))
    med = groups["days"].median()
    cnt = groups.size()
    # as many rows as fit at a legible height; the rest are counted, not drawn
    shown, used, lastm = [], 0.0, None
    row_h = max(row_h, min(84, (body_px - header * len(measures)) / max(1, len(keys))))
    for k in keys:
        need = row_h + (header if k[0] != lastm else 0)
        if used + need > body_px:
            break
        shown.append(k)
        used += need
        lastm = k[0]
    ypos, y, lastm, ticks = {}, 0.0, None, []
    for k in shown:
        if k[0] != lastm:
            ax.text(-0.33, y + header * 0.6, MEASURE_LABELS[k[0]], transform=ax.get_yaxis_transform(),
                    fontsize=13, fontweight="bold", color="#555555", va="center")
            y += header
            lastm = k[0]
        ypos[k] = y + row_h / 2
        y += row_h
    ax.set_ylim(used, 0)
    rng = np.random.default_rng(0)
    for i, (k, yc) in enumerate(ypos.items()):
        if i % 2 == 0:
            ax.axhspan(yc - row_h / 2, yc + row_h / 2, color="#f3f4f6", zorder=0)
        g = groups.get_group(k)
        color = SERIES[measures.index(k[0])]
        jit = yc + (rng.random(len(g)) - 0.5) * (row_h - 10)
        ex = g["exact"].to_numpy()
        alpha = 0.25 if len(g) > 200 else 0.9
        ax.scatter(g["days"].to_numpy()[ex], jit[ex], s=30, color=color, alpha=alpha, linewidths=0, zorder=2)
        ax.scatter(g["days"].to_numpy()[~ex], jit[~ex], s=30, facecolors="none", edgecolors=color,
                   alpha=min(1, alpha + 0.1), linewidths=1, zorder=2)
        ax.plot([med[k], med[k]], [yc - row_h / 2 + 3, yc + row_h / 2 - 3], color="#222222", lw=4, zorder=3)
        ax.text(1.01, yc, f"median {median_text(med[k])} days · n = {cnt[k]:,}", transform=ax.get_yaxis_transform(),
                va="center", fontsize=11, color="#555555")
        ticks.append((yc, names.get(k[1], k[1])))
    if len(shown) < len(keys):
        ax.text(1.01, -0.06, f"+{len(keys) - len(shown)} more rows not drawn", transform=ax.transAxes,
                va="top", fontsize=11, color="#555555")
    ax.set_yticks([t[0] for t in ticks])
    ax.set_yticklabels([t[1][:32] for t in ticks], fontsize=12)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(min(0, lt["days"].min()) - 5, max(0, lt["days"].max()) + 5)
    ax.axvline(0, color="#333333", lw=2)
    ax.grid(axis="x", color="#e5e5e5")
    ax.set_xlabel("Days", fontsize=13)
    ax.spines[["top", "right", "left"]].set_visible(False)
    save(fig, path)


def cases_chart(ev, jur, footer, path):
    info = jur.set_index("id")
    c = ev[ev["count_n"].notna() & ev["kind"].isin(["case_tally", "pledge"])]
    c = c.assign(order=c.index, unit=c["unit"].astype(str).str.strip(), status=c["status"].astype(str),
                 jurisdiction=c["jurisdiction"].astype(str), count_n=c["count_n"].astype("int64"))
    tallies = c[c["kind"] == "case_tally"].sort_values(["anchor", "order"])
    # a tally is a snapshot: the latest of a day wins; one series per body, status and unit
    tallies = tallies.groupby(["jurisdiction", "status", "unit", "anchor"], observed=True)["count_n"].last().reset_index()
    pledges = c[c["kind"] == "pledge"].sort_values(["anchor", "order"])
    pledges = pledges.assign(total=pledges.groupby("jurisdiction")["count_n"].cumsum())
    pledges = pledges.groupby(["jurisdiction", "anchor"])["total"].last().reset_index()
    t_keys = tallies.groupby(["jurisdiction", "status", "unit"])["count_n"].last().nlargest(5).index
    p_keys = pledges.groupby("jurisdiction")["total"].last().nlargest(5).index
    hidden = tallies.groupby(["jurisdiction", "status", "unit"]).ngroups - len(t_keys) + pledges["jurisdiction"].nunique() - len(p_keys)
    juris = sorted({k[0] for k in t_keys} | set(p_keys), key=lambda j: (LEVEL_RANK.get(info.at[j, "level"], 2), info.at[j, "name"]))
    color = {j: SERIES[i % len(SERIES)] for i, j in enumerate(juris)}
    markers = {"alleged": "o", "confirmed": "s", "dismissed": "^", "sanctioned": "D", "nan": "o", "": "o"}
    handles = [Line2D([], [], color=color[j], lw=3, label=info.at[j, "name"]) for j in juris]
    handles += [Line2D([], [], marker=markers[s], ls="", color="#777777", label=s)
                for s in STATUSES if any(k[1] == s for k in t_keys)]
    sub = "Tallies: figures as of each report, not increments · pledges: running total"
    if hidden > 0:
        sub += f" · +{hidden} series hidden"
    fig = frame("Cases and pledge signatories", sub, footer, handles, ncol=6)
    ax1 = fig.add_axes([0.08, 0.47, 0.8, 0.3])
    ax2 = fig.add_axes([0.08, 0.1, 0.8, 0.3], sharex=ax1)
    tg = tallies.set_index(["jurisdiction", "status", "unit"]).sort_index()
    for k in t_keys:
        s = tg.loc[[k]]
        ax1.plot(s["anchor"], s["count_n"], drawstyle="steps-post", color=color[k[0]], lw=3, marker=markers.get(k[1], "o"),
                 markersize=5, markevery=max(1, len(s) // 60))
        ax1.annotate(f"{k[2]} ({k[1]})", (s["anchor"].iloc[-1], s["count_n"].iloc[-1]), fontsize=10,
                     xytext=(6, 0), textcoords="offset points", va="center")
    pg = pledges.set_index("jurisdiction").sort_index()
    for j in p_keys:
        s = pg.loc[[j]]
        ax2.plot(s["anchor"], s["total"], drawstyle="steps-post", color=color[j], lw=3)
        ax2.annotate(f"{int(s['total'].iloc[-1]):,}", (s["anchor"].iloc[-1], s["total"].iloc[-1]), fontsize=10,
                     xytext=(6, 0), textcoords="offset points", va="center")
    ax1.set_title("Case tallies", loc="left", fontsize=13, fontweight="bold")
    ax2.set_title("Pledge signatories (running total)", loc="left", fontsize=13, fontweight="bold")
    for ax in (ax1, ax2):
        ax.grid(color="#e5e5e5")
        ax.spines[["top", "right"]].set_visible(False)
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    save(fig, path)


def charts(ev, jur, el, ctx, res, out, name):
    footer = f"Source: dataset {name} ({ev['source'].nunique()} outlets) · pandas + matplotlib baseline"
    roll = res["rollup"]
    own = res["monthly"]
    written = []
    monthly_chart(month_table(own), "Events per month, by kind", footer, os.path.join(out, "monthly.png"))
    written.append("monthly.png")
    names = jur.set_index("id")["name"]
    with_events = set(roll["jurisdiction"])
    by_j = dict(tuple(roll.groupby("jurisdiction")))
    for j in ctx["jids"]:  # file order, every jurisdiction with events of its own or under it
        if j in with_events:
            monthly_chart(month_table(by_j[j]), f"Events per month, by kind: {names[j]}", footer,
                          os.path.join(out, f"monthly-{j}.png"))
            written.append(f"monthly-{j}.png")
    timeline_chart(ev, jur, el, ctx, footer, os.path.join(out, "timeline.png"))
    written.append("timeline.png")
    if res["pair"]:
        compare_chart(ev, jur, ctx, res["pair"], footer, os.path.join(out, "compare.png"))
        written.append("compare.png")
    leadtimes_chart(res["leadtimes"], jur, footer, os.path.join(out, "leadtimes.png"))
    cases_chart(ev, jur, footer, os.path.join(out, "cases.png"))
    written += ["leadtimes.png", "cases.png"]
    return written


# --- exports -----------------------------------------------------------------------------------
def exports(ev, ctx, res, out):
    opts = dict(index=False, lineterminator="\n")
    cols = EVENT_COLUMNS + ctx["extras"]
    events = pd.concat([ev[cols].astype({c: str for c in ("precision", "kind", "jurisdiction", "unit", "status", "source")}),
                        res["computed"]], axis=1)
    for c in ("precision", "unit", "status"):
        events[c] = events[c].replace("nan", "")
    events.to_csv(os.path.join(out, "events.csv"), **opts)
    res["monthly"].to_csv(os.path.join(out, "monthly.csv"), **opts)
    res["rollup"].to_csv(os.path.join(out, "monthly-rollup.csv"), **opts)
    lt = res["leadtimes"].assign(exact=np.where(res["leadtimes"]["exact"], "true", "false"))
    lt[["measure", "event_id", "jurisdiction", "target_id", "days", "exact"]].to_csv(os.path.join(out, "leadtimes.csv"), **opts)
    s = res["summary"].assign(exact_n=res["summary"]["exact_n"].astype("int64"))
    s[["measure", "jurisdiction", "n", "median", "min", "max", "exact_n"]].to_csv(os.path.join(out, "leadtime-summary.csv"), **opts)
    written = ["events.csv", "monthly.csv", "monthly-rollup.csv", "leadtimes.csv", "leadtime-summary.csv"]
    if res["compare"] is not None:
        res["compare"].to_csv(os.path.join(out, "compare.csv"), **opts)
        written.append("compare.csv")
    return written


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--dataset", required=True)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    st = Stages()
    print(f"pandas {pd.__version__}, matplotlib {matplotlib.__version__}, numpy {np.__version__}", file=sys.stderr)
    ev, jur, el = read(args.dataset)
    st.done("read")
    errors, ctx = validate(ev, jur, el)
    if errors:
        for f, rec, col, msg in sorted(errors, key=lambda e: (e[0], e[1])):
            print(f"{os.path.join(args.dataset, f)}: record {rec}: {col}: {msg}", file=sys.stderr)
        sys.exit(1)
    st.done("validate")
    res = analytics(ev, jur, el, ctx)
    st.done("analytics")
    os.makedirs(args.out, exist_ok=True)
    name = os.path.basename(os.path.normpath(args.dataset))
    pngs = charts(ev, jur, el, ctx, res, args.out, name)
    st.done("charts")
    csvs = exports(ev, ctx, res, args.out)
    st.done("exports")
    wall, cpu = st.total()
    print(f"  {'total':<10} {wall:8.2f} s wall {cpu:8.2f} s cpu   peak RSS {peak_mib():7.0f} MiB", file=sys.stderr)
    print(f"wrote {len(pngs)} PNGs and {len(csvs)} CSVs to {args.out} ({len(ev):,} events, "
          f"{len(res['leadtimes']):,} lead times)")


if __name__ == "__main__":
    main()
