#!/usr/bin/env python3
"""A SYNTHETIC province: N department budgets in schema 2, for benchmarks.

    genprov.py OUTDIR N [--year Y] [--seed S]

writes OUTDIR/deptNNNN.yaml for N departments of year Y (default 2021).
Two formats, by department: odd numbers the Guangzhou-like 14 tables 表1–
表14 (modelled on data/budget.yaml), even numbers the Jiangsu-like 12 tables
公开01表–公开12表 with their sides (modelled on data/jiangsu/zxbgt-2019.yaml).
Function classification trees (类 › 款 › 项) are drawn from one pool of real
codes, so departments share codes; economic classification 301 › 30101;
5–40 projects with Chinese content and performance goals; procurement lines
with quantities.  Every parent row is the sum of its children, declared
totals and identities hold: `budget --check` reports 0 failed.

Everything is made up: department names (某省第N厅, 示例市第N局), figures,
texts.  Output is deterministic for (N, Y, S).  The same department keeps
its number, file name, format, codes and projects from year to year while
its figures change; a few departments open or close in a given year, so
`--year Y-1` writes a prior-year set with a few departments fewer and a few
others, for `budget --compare=OLD`.  The narrative's stated changes are the
differences from the department's own prior year (when it had one).
About 100 rows and 10 KB per department.  Never point OUTDIR at data/.
"""
import os
import random
import sys

# ---- the classification pools ------------------------------------------------------

CLASSES = [  # 类, in the order of the 2019+ classification (公开01表 prints all 20)
    ("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"),
    ("204", "公共安全支出"), ("205", "教育支出"), ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"), ("208", "社会保障和就业支出"),
    ("210", "卫生健康支出"), ("211", "节能环保支出"), ("212", "城乡社区支出"),
    ("213", "农林水支出"), ("214", "交通运输支出"), ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"), ("217", "金融支出"), ("220", "自然资源海洋气象等支出"),
    ("221", "住房保障支出"), ("222", "粮油物资储备支出"), ("229", "其他支出")]
CLASS_NAME = dict(CLASSES)

KUAN = {  # 款: name, [(项, name)]; the first 项 of a sector's 款 is its 行政运行
    "20101": ("人大事务", [("2010101", "行政运行"), ("2010102", "一般行政管理事务"),
                       ("2010104", "人大会议"), ("2010108", "代表工作")]),
    "20102": ("政协事务", [("2010201", "行政运行"), ("2010202", "一般行政管理事务"),
                       ("2010204", "政协会议"), ("2010205", "委员视察")]),
    "20103": ("政府办公厅（室）及相关机构事务", [("2010301", "行政运行"), ("2010302", "一般行政管理事务"),
                                    ("2010308", "信访事务"),
                                    ("2010399", "其他政府办公厅（室）及相关机构事务支出")]),
    "20104": ("发展与改革事务", [("2010401", "行政运行"), ("2010402", "一般行政管理事务"),
                          ("2010404", "战略规划与实施"), ("2010499", "其他发展与改革事务支出")]),
    "20105": ("统计信息事务", [("2010501", "行政运行"), ("2010505", "专项统计业务"),
                         ("2010507", "专项普查活动")]),
    "20106": ("财政事务", [("2010601", "行政运行"), ("2010602", "一般行政管理事务"),
                       ("2010608", "财政委托业务支出")]),
    "20108": ("审计事务", [("2010801", "行政运行"), ("2010804", "审计业务")]),
    "20111": ("纪检监察事务", [("2011101", "行政运行"), ("2011102", "一般行政管理事务"),
                         ("2011104", "大案要案查处")]),
    "20113": ("商贸事务", [("2011301", "行政运行"), ("2011308", "招商引资")]),
    "20126": ("档案事务", [("2012601", "行政运行"), ("2012604", "档案馆")]),
    "20132": ("组织事务", [("2013201", "行政运行"), ("2013202", "一般行政管理事务")]),
    "20133": ("宣传事务", [("2013301", "行政运行"), ("2013302", "一般行政管理事务")]),
    "20402": ("公安", [("2040201", "行政运行"), ("2040202", "一般行政管理事务"),
                     ("2040219", "信息化建设"), ("2040220", "执法办案")]),
    "20406": ("司法", [("2040601", "行政运行"), ("2040604", "基层司法业务"),
                     ("2040605", "普法宣传"), ("2040610", "社区矫正")]),
    "20501": ("教育管理事务", [("2050101", "行政运行"), ("2050102", "一般行政管理事务")]),
    "20502": ("普通教育", [("2050201", "学前教育"), ("2050204", "高中教育"),
                       ("2050205", "高等教育")]),
    "20508": ("进修及培训", [("2050801", "教师进修"), ("2050802", "干部教育")]),
    "20601": ("科学技术管理事务", [("2060101", "行政运行"), ("2060102", "一般行政管理事务")]),
    "20603": ("应用研究", [("2060301", "机构运行"), ("2060302", "社会公益研究")]),
    "20605": ("科技条件与服务", [("2060501", "机构运行"), ("2060503", "科技条件专项")]),
    "20701": ("文化和旅游", [("2070101", "行政运行"), ("2070104", "图书馆"),
                        ("2070109", "群众文化"), ("2070111", "文化创作与保护")]),
    "20702": ("文物", [("2070201", "行政运行"), ("2070204", "文物保护"), ("2070205", "博物馆")]),
    "20703": ("体育", [("2070301", "行政运行"), ("2070307", "体育场馆"), ("2070308", "群众体育")]),
    "20801": ("人力资源和社会保障管理事务", [("2080101", "行政运行"), ("2080109", "社会保险经办机构")]),
    "20802": ("民政管理事务", [("2080201", "行政运行"), ("2080208", "基层政权建设和社区治理")]),
    "20805": ("行政事业单位养老支出", [("2080501", "行政单位离退休"), ("2080505", "机关事业单位基本养老保险缴费支出"),
                             ("2080506", "机关事业单位职业年金缴费支出")]),
    "21001": ("卫生健康管理事务", [("2100101", "行政运行"), ("2100102", "一般行政管理事务")]),
    "21004": ("公共卫生", [("2100401", "疾病预防控制机构"), ("2100408", "基本公共卫生服务"),
                       ("2100409", "重大公共卫生服务")]),
    "21011": ("行政事业单位医疗", [("2101101", "行政单位医疗"), ("2101102", "事业单位医疗")]),
    "21101": ("环境保护管理事务", [("2110101", "行政运行"), ("2110104", "生态环境保护宣传")]),
    "21103": ("污染防治", [("2110301", "大气"), ("2110302", "水体")]),
    "21201": ("城乡社区管理事务", [("2120101", "行政运行"), ("2120104", "城管执法")]),
    "21208": ("国有土地使用权出让收入安排的支出", [("2120801", "征地和拆迁补偿支出"),
                                      ("2120803", "城市建设支出")]),
    "21301": ("农业农村", [("2130101", "行政运行"), ("2130108", "病虫害控制"),
                       ("2130122", "农业生产发展")]),
    "21302": ("林业和草原", [("2130201", "行政运行"), ("2130205", "森林资源培育")]),
    "21303": ("水利", [("2130301", "行政运行"), ("2130305", "水利工程建设"),
                     ("2130306", "水利工程运行与维护")]),
    "21401": ("公路水路运输", [("2140101", "行政运行"), ("2140104", "公路建设"),
                         ("2140106", "公路养护")]),
    "22001": ("自然资源事务", [("2200101", "行政运行"), ("2200106", "自然资源利用与保护")]),
    "22102": ("住房改革支出", [("2210201", "住房公积金"), ("2210202", "提租补贴"),
                         ("2210203", "购房补贴")]),
    "22960": ("彩票公益金安排的支出", [("2296002", "用于社会福利的彩票公益金支出"),
                            ("2296003", "用于体育事业的彩票公益金支出")]),
}
LEAF_NAME = {c: n for _, (_, leaves) in KUAN.items() for c, n in leaves}

# A department's own line of work: its main 款 (the first leaf of each is
# where its basic expenditure goes), and what its projects are about.
SECTORS = [
    (["20103"], "政务服务"), (["20104"], "发展改革"), (["20105"], "统计调查"),
    (["20106"], "财政管理"), (["20108"], "审计监督"), (["20111"], "纪检监察"),
    (["20113"], "商务招商"), (["20126"], "档案管理"), (["20132"], "组织人事"),
    (["20133"], "宣传文化"), (["20101"], "人大履职"), (["20102"], "政协履职"),
    (["20402"], "公共安全"), (["20406"], "司法行政"), (["20501", "20508"], "教育管理"),
    (["20601", "20605"], "科技创新"), (["20701", "20702"], "文化旅游"), (["20703"], "体育事业"),
    (["20801"], "人社服务"), (["20802"], "民政服务"), (["21001", "21004"], "卫生健康"),
    (["21101", "21103"], "生态环境"), (["21201"], "城市管理"), (["21301"], "农业农村"),
    (["21302"], "林业草原"), (["21303"], "水利建设"), (["21401"], "交通运输"),
    (["22001"], "自然资源")]
FUND_KUAN = ["21208", "22960"]

ECON = [  # code, name, GZ 政府预算经济分类, share of the wage bill (0: goods and services)
    ("30101", "基本工资", "[50101]工资奖金津补贴"), ("30102", "津贴补贴", "[50101]工资奖金津补贴"),
    ("30103", "奖金", "[50101]工资奖金津补贴"), ("30107", "绩效工资", "[50101]工资奖金津补贴"),
    ("30108", "机关事业单位基本养老保险缴费", "[50102]社会保障缴费"),
    ("30109", "职业年金缴费", "[50102]社会保障缴费"), ("30110", "职工基本医疗保险缴费", "[50102]社会保障缴费"),
    ("30112", "其他社会保障缴费", "[50102]社会保障缴费"), ("30113", "住房公积金", "[50103]住房公积金"),
    ("30199", "其他工资福利支出", "[50199]其他工资福利支出"),
    ("30201", "办公费", "[50201]办公经费"), ("30202", "印刷费", "[50201]办公经费"),
    ("30205", "水费", "[50201]办公经费"), ("30206", "电费", "[50201]办公经费"),
    ("30207", "邮电费", "[50201]办公经费"), ("30211", "差旅费", "[50201]办公经费"),
    ("30213", "维修（护）费", "[50209]维修（护）费"), ("30215", "会议费", "[50202]会议费"),
    ("30216", "培训费", "[50203]培训费"), ("30217", "公务接待费", "[50206]公务接待费"),
    ("30226", "劳务费", "[50205]委托业务费"), ("30228", "工会经费", "[50201]办公经费"),
    ("30229", "福利费", "[50201]办公经费"), ("30231", "公务用车运行维护费", "[50208]公务用车运行维护费"),
    ("30239", "其他交通费用", "[50201]办公经费"), ("30299", "其他商品和服务支出", "[50299]其他商品和服务支出"),
    ("30301", "离休费", "[50905]离退休费"), ("30302", "退休费", "[50905]离退休费"),
    ("30305", "生活补助", "[50901]社会福利和救助"), ("30309", "奖励金", "[50901]社会福利和救助"),
    ("31002", "办公设备购置", "[50306]设备购置")]
ECON_NAME = {c: n for c, n, _ in ECON}
ECON_CLASS = {"301": ("工资福利支出", "[501]机关工资福利支出"), "302": ("商品和服务支出", "[502]机关商品和服务支出"),
              "303": ("对个人和家庭的补助", "[509]对个人和家庭的补助"), "310": ("资本性支出", "[503]机关资本性支出（一）")}
ECON_GOV = {c: g for c, _, g in ECON}
WAGE_SHARE = {"30101": 20, "30102": 38, "30103": 4, "30107": 9, "30108": 10, "30109": 5,
              "30110": 5, "30112": 1, "30113": 8, "30199": 2}
ALWAYS_ECON = ["30101", "30102", "30108", "30109", "30110", "30113", "30201", "30211",
               "30228", "30302"]

# Procurement: (category, item, code, unit, unit price in 0.01 万元)
GOODS = [("台式计算机", "A02010104", "台", 60), ("便携式计算机", "A02010105", "台", 80),
         ("激光打印机", "A0201060101", "台", 25), ("复印机", "A020201", "台", 210),
         ("普通空调机", "A020618020301", "台", 60), ("乘用车（轿车）", "A020305", "辆", 1800),
         ("碎纸机", "A02021101", "台", 10), ("投影仪", "A020202", "台", 120),
         ("应用软件", "A02010803", "套", 900), ("办公家具", "A0601", "套", 300),
         ("服务器", "A02010103", "台", 1500), ("网络交换设备", "A0201020101", "台", 450)]
WORKS = [("房屋修缮工程", "B0102", "项", 5000), ("装修工程", "B07", "项", 3000)]
SERVICES = [("会议服务", "C0601", "项", 300), ("物业管理服务", "C1204", "项", 4000),
            ("安全服务", "C0810", "项", 2500), ("车辆维修和保养服务", "C050301", "项", 100),
            ("车辆加油服务", "C050302", "项", 150), ("运行维护服务", "C0206", "项", 2000),
            ("印刷服务", "C0801", "项", 200), ("审计服务", "C1502", "项", 500)]
PURCHASED = [("政府履职所需辅助性和技术性事务", "后勤管理服务", "物业管理服务"),
             ("政府履职所需辅助性和技术性事务", "技术业务培训", "其他政府技术业务培训服务"),
             ("政府履职所需辅助性和技术性事务", "法律服务", "政府法律顾问服务"),
             ("基本公共服务事项", "信息化建设类", "系统运维管理"),
             ("社会事务服务事项", "社工服务类", "其他政府委托的社工服务"),
             ("政府履职所需辅助性和技术性事务", "课题研究和社会调查", "课题研究")]

PROJECT_KINDS = ["专项工作经费", "信息化建设经费", "信息系统运行维护经费", "业务用房物业管理费",
                 "宣传培训经费", "课题研究经费", "专项检查经费", "设备购置经费", "会议经费",
                 "监督检查经费", "数据采集经费", "安全保障经费", "公共服务平台建设经费",
                 "业务能力提升经费", "标准化建设经费", "应急保障经费"]
CONTENT = ["主要用于{a}、{b}等支出", "开展{s}相关的{a}，保障{b}正常进行",
           "购买{a}服务，完成{b}任务", "组织{a}，推进{s}工作落实",
           "对{a}进行维护和升级，确保{b}稳定运行"]
TASKS = ["调研论证", "专家咨询", "业务培训", "宣传推广", "数据采集", "系统运维", "设备更新",
         "日常巡查", "督促检查", "档案整理", "应急演练", "课题研究", "政策解读", "信息公开"]
GOALS = ["按时完成{s}年度任务，{t}完成率达到{p}%", "{t}覆盖率不低于{p}%，服务对象满意度不低于{q}%",
         "全年开展{t}{n}次以上，问题整改率达到{p}%", "确保{s}相关系统全年正常运行率不低于{p}%",
         "完成{t}{n}项，资金支付进度符合要求"]
NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
            "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"]


def money(c):
    return "%s%d.%02d" % ("-" if c < 0 else "", abs(c) // 100, abs(c) % 100)


def cell(c, blank):
    """An amount cell; blank: a zero is printed as nothing (~), as Jiangsu does."""
    return "~" if blank and c == 0 else money(c)


def div_round(n, d):
    """n/d rounded half away from zero (as budget's amount.c)."""
    q, r = divmod(abs(n), abs(d))
    if 2 * r >= abs(d):
        q += 1
    return q if (n >= 0) == (d > 0) else -q


def pct(num, den, places=2):
    """num/den as a stated percentage, rounded once to `places`."""
    unit = 10 ** (2 - places)
    r = div_round(num * 10000, den * unit)
    s = "%s%d" % ("-" if r < 0 else "", abs(r) // 10 ** places)
    if places:
        s += ".%0*d" % (places, abs(r) % 10 ** places)
    return s + "%"


# ---- who exists in which year --------------------------------------------------------

def lifespan(seed, k):
    r = random.Random("%s:%d:life" % (seed, k))
    born = r.randint(2001, 2040) if r.random() < 0.25 else 0
    closed = r.randint(2001, 2040) if r.random() < 0.25 else 9999
    if born >= closed:
        closed = 9999
    return born, closed


def alive(seed, k, year):
    born, closed = lifespan(seed, k)
    return born <= year < closed


def departments(seed, n, year):
    ks, k = [], 1
    while len(ks) < n:
        if alive(seed, k, year):
            ks.append(k)
        k += 1
    return ks


# ---- one department in one year ------------------------------------------------------

class Dept:
    """The figures of department k in year y: everything the tables show."""

    def __init__(self, seed, k, year):
        self.k, self.year = k, year
        self.gz = k % 2 == 1
        st = random.Random("%s:%d:structure" % (seed, k))
        yr = random.Random("%s:%d:%d" % (seed, k, year))
        self.name = ("示例市第%d局" % k) if self.gz else ("某省第%d厅" % k)
        self.region = "示例市" if self.gz else "某省"
        self.unit_code = "%04d01" % (k % 10000)
        kuans, self.sector = SECTORS[st.randrange(len(SECTORS))]
        kuans = list(kuans)
        scale = int(10 ** st.uniform(2.5, 4.3) * 100)       # cents of 万元: 300–20,000 万元
        scale = scale * yr.randint(88, 118) // 100
        # leaves: (code) -> [basic_general, basic_other, project_general, project_fund, reserve]
        leaves = {}
        # the main 款: 行政运行 and one to three more of its 项
        main = [lv[:1] + st.sample(lv[1:], min(len(lv) - 1, st.randint(1, 3))) if len(lv) > 1 else lv
                for lv in (KUAN[q][1] for q in kuans)]
        main = [[x for x in KUAN[q][1] if x in lv] for q, lv in zip(kuans, main)]
        self.admin_leaf = main[0][0][0]
        for lv in main:
            for c, _ in lv:
                leaves[c] = [0, 0, 0, 0, 0]
        std = ["2080505", "2080506", "2101101" if st.random() < 0.7 else "2101102",
               "2210201", "2210202" if not self.gz else "2210203"]
        if st.random() < 0.5:
            std[4] = None
        std = [x for x in std if x]
        if st.random() < 0.3:
            std.append("2080501")
        for c in std:
            leaves.setdefault(c, [0, 0, 0, 0, 0])
        self.fund_leaves = []
        if st.random() < 0.15:
            fq = FUND_KUAN[st.randrange(len(FUND_KUAN))]
            self.fund_leaves = [c for c, _ in KUAN[fq][1]][: st.randint(1, 2)]
            for c in self.fund_leaves:
                leaves.setdefault(c, [0, 0, 0, 0, 0])
        # economic classification of basic expenditure (一般公共预算)
        wage = scale * yr.randint(40, 60) // 100
        econ = {}
        optional = [c for c, _, _ in ECON if c not in ALWAYS_ECON]
        chosen = set(ALWAYS_ECON) | set(st.sample(optional, st.randint(2, 8)))
        for c, _, _ in ECON:
            if c not in chosen:
                continue
            if c in WAGE_SHARE:
                v = wage * WAGE_SHARE[c] * yr.randint(85, 115) // 10000
            elif c.startswith("302"):
                v = scale * yr.randint(3, 40) // 1000
            elif c.startswith("303"):
                v = scale * yr.randint(5, 60) // 1000
            else:
                v = scale * yr.randint(2, 20) // 1000
            econ[c] = max(1, v)
        self.econ = econ
        basic = sum(econ.values())
        # basic expenditure by function: the insurance and housing leaves
        # carry what their economic items say, 行政运行 the rest
        b = {"2080505": econ.get("30108", 0), "2080506": econ.get("30109", 0),
             "2210201": econ.get("30113", 0), "2101101": econ.get("30110", 0),
             "2101102": econ.get("30110", 0), "2210202": scale * yr.randint(5, 30) // 1000,
             "2210203": scale * yr.randint(5, 30) // 1000,
             "2080501": econ.get("30301", 0) + econ.get("30302", 0)}
        for c, v in b.items():
            if c in leaves:
                leaves[c][0] = v
        leaves[self.admin_leaf][0] = basic - sum(leaves[c][0] for c in leaves if c != self.admin_leaf)
        assert leaves[self.admin_leaf][0] > 0
        self.basic_general = basic
        other = scale * yr.randint(5, 50) // 1000 if st.random() < 0.3 else 0
        leaves[self.admin_leaf][1] = other
        self.other = other
        self.reserve = 0
        if not self.gz and st.random() < 0.4:
            self.reserve = scale * yr.randint(10, 100) // 1000
            leaves[self.admin_leaf][4] = self.reserve
        # projects: a fixed list per department, a few missing in a year
        project_leaves = [c for lv in main for c, _ in lv[1:]] or [self.admin_leaf]
        n = 5 + int(36 * st.random() ** 3)
        kinds = st.sample(PROJECT_KINDS, min(n, len(PROJECT_KINDS)))
        projects = []
        for i in range(n):
            kind = kinds[i % len(kinds)]
            fund = bool(self.fund_leaves) and i % 5 == 4
            leaf = self.fund_leaves[i % len(self.fund_leaves)] if fund else \
                project_leaves[i % len(project_leaves)]
            lname = LEAF_NAME[leaf]
            name = "%s%s" % (lname if i % 3 == 0 and len(lname) <= 8 and "运行" not in lname
                             else self.sector, kind)
            if i >= len(kinds):
                name += "（%s）" % NUMERALS[i // len(kinds)]
            pr = random.Random("%s:%d:project:%d" % (seed, k, i))
            projects.append({
                "i": i, "id": "p%02d" % (i + 1), "name": name, "leaf": leaf, "fund": fund,
                "special": not fund and pr.random() < 0.15,
                "category": "运行保障类" if i % 3 == 0 else "经济和社会发展类",
                "content": self.text(pr, CONTENT, 2) + "。",
                "goals": self.text(pr, GOALS, 2) + "。"})
        by_leaf = {}
        for p in projects:
            by_leaf.setdefault(p["leaf"], []).append(p)
        kept = []
        for p in projects:
            # a project may skip a year when another on its leaf carries on
            # (and at least five are left)
            if yr.random() < 0.1 and len(by_leaf[p["leaf"]]) > 1 and \
                    len(kept) + (n - p["i"] - 1) >= 5 and \
                    sum(1 for q in by_leaf[p["leaf"]] if q in kept or q["i"] > p["i"]) > 1:
                by_leaf[p["leaf"]].remove(p)
                continue
            p["amount"] = max(100, scale * yr.randint(3, 60) // 1000)
            kept.append(p)
        self.projects = kept
        for p in kept:
            leaves[p["leaf"]][3 if p["fund"] else 2] += p["amount"]
        self.leaves = {c: v for c, v in leaves.items() if sum(v)}
        self.project_general = sum(p["amount"] for p in kept if not p["fund"])
        self.project_fund = sum(p["amount"] for p in kept if p["fund"])
        self.special = sum(p["amount"] for p in kept if p["special"])
        # 三公, meetings, training
        sg = {}
        for key, prob, lo, hi in (("abroad", 0.4, 1, 6), ("vehicle_purchase", 0.2, 10, 30),
                                  ("vehicle_running", 0.8, 2, 12), ("reception", 0.9, 1, 6),
                                  ("meetings", 0.9, 2, 20), ("training", 0.9, 2, 20)):
            sg[key] = scale * yr.randint(lo, hi) // 1000 if st.random() < prob else 0
        self.sangong = sg
        self.admin_costs = sum(v for c, v in econ.items() if c.startswith("302"))
        # procurement lines: basic ones, and some for projects
        self.buys = []
        for j in range(st.randint(1, 4)):
            item, code, unit, price = GOODS[(k + j * 5) % len(GOODS)]
            q = yr.randint(1, 12)
            self.buys.append({"cat": "A", "item": item, "code": code, "unit": unit, "qty": q,
                              "amount": q * price, "project": None, "econ": "办公设备购置"})
        for p in kept:
            if p["fund"] or st.random() < 0.7:
                continue
            pool = SERVICES if p["i"] % 2 else GOODS + WORKS
            item, code, unit, price = pool[(k + p["i"]) % len(pool)]
            budget = p["amount"] // 2
            q = budget // price if unit != "项" else 1
            amount = q * price if unit != "项" else min(price, budget)
            if q < 1 or amount < 1:
                continue
            self.buys.append({"cat": code[0], "item": item, "code": code, "unit": unit, "qty": q,
                              "amount": amount, "project": p,
                              "econ": "委托业务费" if code[0] == "C" else "专用设备购置"})
        # purchased services (表14): a basic one and some for projects
        self.services = []
        if self.gz:
            lv = PURCHASED[k % len(PURCHASED)]
            self.services.append({"levels": lv, "amount": max(1, econ.get("30299", 0) // 2 or 50),
                                  "project": None, "name": "在职人员公用经费"})
            for p in kept:
                if not p["fund"] and p["i"] % 6 == 1:
                    lv = PURCHASED[(k + p["i"]) % len(PURCHASED)]
                    self.services.append({"levels": lv, "amount": p["amount"] // 3 or 1,
                                          "project": p, "name": p["name"]})
        self.staff = st.randint(12, 400)
        self.vehicles = st.randint(0, 20)

    def text(self, r, pool, n):
        parts = []
        for j in range(n):
            t = pool[r.randrange(len(pool))]
            parts.append("%d. " % (j + 1) + t.format(
                a=TASKS[r.randrange(len(TASKS))], b=TASKS[r.randrange(len(TASKS))],
                s=self.sector, t=TASKS[r.randrange(len(TASKS))], p=r.randint(85, 100),
                q=r.randint(85, 98), n=r.randint(2, 30)))
        return "；".join(parts)

    # sums the tables show
    def leaf_total(self, c):
        return sum(self.leaves[c])

    def fiscal(self, c):
        v = self.leaves[c]
        return v[0] + v[2] + v[3] + v[4]

    def general(self, c):
        v = self.leaves[c]
        return v[0] + v[2] + v[4]

    def total(self):
        return sum(sum(v) for v in self.leaves.values())

    def by_class(self, f):
        out = {}
        for c in self.leaves:
            out[c[:3]] = out.get(c[:3], 0) + f(c)
        return out


def nest_rows(values, ids=False):
    """Flat rows of a code tree (类, 款, 项) from leaf → tuple of amounts:
    [(code, name, amounts)] in code order, each parent the sum of its leaves."""
    sums = {}
    for c, v in values.items():
        for key in (c[:3], c[:5], c):
            if key in sums:
                sums[key] = [a + b for a, b in zip(sums[key], v)]
            else:
                sums[key] = list(v)
    out = []
    for key in sorted(sums, key=lambda x: (x[:3], x[:5], len(x), x)):
        name = CLASS_NAME.get(key) if len(key) == 3 else KUAN[key][0] if len(key) == 5 else LEAF_NAME[key]
        out.append((key, name, sums[key]))
    return out


def econ_rows(econ):
    sums = {}
    for c, v in econ.items():
        sums[c[:3]] = sums.get(c[:3], 0) + v
    out = []
    for cls in sorted(sums):
        out.append((cls, ECON_CLASS[cls][0], ECON_CLASS[cls][1], sums[cls]))
        for c in sorted(x for x in econ if x[:3] == cls):
            out.append((c, ECON_NAME[c], ECON_GOV[c], econ[c]))
    return out


class W:
    def __init__(self):
        self.parts = []

    def __call__(self, s):
        self.parts.append(s)


def vals(xs):
    return "[" + ", ".join(xs) + "]"


def change_fields(cur, prior, w_rate=True):
    """', change: X, rate: "R"' for a figure whose prior-year value is known."""
    if prior is None:
        return ""
    s = ", change: %s" % money(cur - prior)
    if w_rate and prior:
        s += ', rate: "%s"' % pct(cur - prior, prior)
    return s


def figure(w, fid, label, value, ref, prior=None, extra=""):
    w("          - {id: %s, label: %s, value: %s%s%s, ref: {%s}}\n"
      % (fid, label, money(value), change_fields(value, prior), extra, ref))


def prose_change(cur, prior):
    if prior is None:
        return "，本部门为本年新设部门，上年无可比数"
    d = cur - prior
    if d == 0:
        return "，与上年持平"
    s = "，较上年%s%s万元" % ("增加" if d > 0 else "减少", money(abs(d)))
    if prior:
        s += "，%s%s" % ("增长" if d > 0 else "下降", pct(abs(d), prior))
    return s


# ---- Guangzhou-like: 表1–表14 ---------------------------------------------------------

def gz_doc(d, p, seed):
    """p: the department's prior year (a Dept) or None."""
    w = W()
    y = d.year
    total = d.total()
    fiscal_total = sum(d.fiscal(c) for c in d.leaves)
    general_total = sum(d.general(c) for c in d.leaves)
    fund_total = d.project_fund
    w("# SYNTHETIC department budget, written by tests/bench/genprov.py (seed %s,\n"
      "# department %d, year %d) for benchmarks: the department, its name and every\n"
      "# figure and text are made up.  Guangzhou-like 14-table format, schema 2, 万元.\n"
      "# Not a real budget.\n\n" % (seed, d.k, y))
    w("schema: 2\n\ndocument:\n  department: %s\n  year: %d\n  unit: 万元\n  title: %d年%s部门预算\n"
      "  region: %s\n  total: {table: t1, side: expenditure, row: expenditure_total}\n"
      "  source: 合成数据（tests/bench/genprov.py），非真实预算\n\n" % (d.name, y, y, d.name, d.region))
    w("narrative:\n  - id: part1\n    title: 第一部分 部门概况\n    sections:\n"
      "      - id: duties\n        title: 一、部门主要职责\n        paragraphs:\n")
    w('          - "（一）贯彻执行国家和本市有关%s工作的方针政策和法律法规，拟订相关政策并组织实施。"\n' % d.sector)
    w('          - "（二）负责%s领域的统筹协调、监督管理和公共服务工作，完成市委、市政府交办的其他任务。"\n' % d.sector)
    w("      - id: organisation\n        title: 二、部门机构设置\n        paragraphs:\n"
      '          - "本部门编制%d名，部门预算为%s本级预算。"\n' % (d.staff, d.name))
    w("  - id: part3\n    title: 第三部分 部门预算安排情况说明\n    sections:\n")
    pt = p.total() if p else None
    w("      - id: overview\n        title: 一、部门预算收支情况总体说明\n        see: [t1]\n        paragraphs:\n"
      '          - "按照综合预算的原则，%s所有收入和支出均纳入部门预算管理。%d年收支总预算%s万元%s。"\n'
      % (d.name, y, money(total), prose_change(total, pt)))
    w("        figures:\n")
    figure(w, "budget_total", "%d年收支总预算" % y, total,
           "table: t1, row: expenditure_total, column: budget", pt)
    figure(w, "income_total", "%d年收入预算" % y, total, "table: t1, row: income_total, column: budget", pt)
    figure(w, "income_general_public", "一般公共预算收入", general_total,
           "table: t1, row: income_general_public, column: budget")
    figure(w, "income_gov_fund", "政府性基金收入", fund_total, "table: t1, row: income_gov_fund, column: budget")
    figure(w, "income_other_funds", "其他资金", d.other, "table: t1, row: income_other_funds, column: budget")
    # 三公
    sg = d.sangong
    psg = p.sangong if p else None
    st_total = sg["abroad"] + sg["vehicle_purchase"] + sg["vehicle_running"] + sg["reception"]
    pst = (psg["abroad"] + psg["vehicle_purchase"] + psg["vehicle_running"] + psg["reception"]) if p else None
    w("      - id: sangong\n        title: 五、“三公”经费预算情况\n        see: [t12]\n        paragraphs:\n"
      '          - "%d年财政拨款安排“三公”经费预算%s万元%s。"\n' % (y, money(st_total), prose_change(st_total, pst)))
    w("        figures:\n")
    figure(w, "sangong_total", "财政拨款安排“三公”经费预算", st_total, "table: t12, row: sangong, column: total", pst)
    for key, label, row in (("abroad", "因公出国（境）经费预算", "abroad"),
                            ("vehicles", "公务用车购置及运行费", "vehicles"),
                            ("reception", "公务接待费预算", "reception")):
        v = sg["vehicle_purchase"] + sg["vehicle_running"] if key == "vehicles" else sg[key]
        pv = None if not p else (psg["vehicle_purchase"] + psg["vehicle_running"] if key == "vehicles" else psg[key])
        figure(w, "sangong_" + key, label, v, "table: t12, row: %s, column: total" % row, pv)
    w("      - id: admin_costs\n        title: 六、机关运行经费（行政经费）安排情况\n        figures:\n")
    figure(w, "admin_costs", "机关运行经费（行政经费）预算", d.admin_costs, "table: t12, row: admin, column: total",
           p.admin_costs if p else None)
    buys = sum(b["amount"] for b in d.buys)
    w("      - id: procurement\n        title: 七、政府采购情况\n        see: [t13]\n        paragraphs:\n"
      '          - "%d年本部门政府采购预算%s万元。"\n        figures:\n' % (y, money(buys)))
    figure(w, "procurement_total", "政府采购安排", buys, "table: t13, row: total, column: total")
    w("      - id: assets\n        title: 八、国有资产占有使用情况\n        figures:\n"
      "          - {id: assets_vehicles, label: 车辆, quantity: %d, unit: 辆}\n" % d.vehicles)
    top = sorted(d.projects, key=lambda q: (-q["amount"], q["i"]))[:3]
    w("      - id: key_projects\n        title: 九、重点项目预算绩效目标情况\n        tables:\n"
      '          - columns: ["项目名称", "%d年预算（万元）", "绩效目标"]\n            rows:\n' % y)
    for q in top:
        w('              - ["%s", "%s", "%s"]\n' % (q["name"], money(q["amount"]), q["goals"]))
    w("        figures:\n")
    for q in top:
        figure(w, "key_" + q["id"], "%s%d年预算" % (q["name"], y), q["amount"],
               "table: t10, row: %s, column: total" % q["id"])
    w("      - id: glossary\n        title: 十、专业名词解释\n        terms:\n"
      '          - {term: 基本支出, definition: "指预算单位为保障其机构正常运转、完成日常工作任务而编制的年度基本支出计划。"}\n'
      '          - {term: 项目支出, definition: "指预算单位为完成特定的行政工作任务或事业发展目标，在基本支出预算之外编制的支出计划。"}\n\n')

    classes = d.by_class(d.leaf_total)
    cls_order = sorted(classes)
    w("tables:\n")
    # 表1
    L = max(9, len(cls_order)) + 1
    w("  - id: t1\n    label: 表1\n    number: 1\n    title: 收支总体情况表\n    kind: income_expenditure\n"
      "    sides:\n      - id: income\n        title: 收 入\n        name_title: 收入项目\n"
      "        columns:\n          - {key: budget, title: %d 年预算, type: amount}\n"
      "        total: income_total\n        rows:\n" % y)
    m = money
    w("          - {id: income_total, name: 收入总计, total_after: true, line: %d, values: [%s], children: [\n"
      "              {id: income_year_total, name: 本年收入合计, total_after: true, line: %d, values: [%s], children: [\n"
      "                {id: income_fiscal, name: 一、财政拨款, line: 1, values: [%s], children: [\n"
      "                  {id: income_general_public, name: （一）一般公共预算, values: [%s]},\n"
      "                  {id: income_gov_fund, name: （二）政府性基金预算, values: [%s]},\n"
      "                  {id: income_state_capital, name: （三）国有资本经营预算, values: [0.00]}]},\n"
      "                {id: income_special_account, name: 二、财政专户管理资金, values: [0.00]},\n"
      "                {id: income_other_funds, name: 三、其他资金, values: [%s], children: [\n"
      "                  {name: （一）事业收入, values: [%s]}, {name: （二）经营收入, values: [0.00]},\n"
      "                  {name: （三）其他收入, values: [0.00]}]}]},\n"
      "              {name: 四、上级补助收入, line: %d, values: [0.00]}, {name: 五、附属单位上缴收入, values: [0.00]},\n"
      "              {name: 六、用事业基金弥补收支总额, values: [0.00]}, {id: income_carryover, name: 七、上年预结转, values: [0.00]}]}\n"
      % (L + 5, m(total), L, m(total), m(fiscal_total), m(general_total), m(fund_total), m(d.other),
         m(d.other), L + 1))
    w("      - id: expenditure\n        title: 支 出\n        name_title: 支出项目\n"
      "        columns:\n          - {key: budget, title: %d 年预算, type: amount}\n"
      "        total: expenditure_total\n        rows:\n" % y)
    w("          - id: expenditure_total\n            name: 支出总计\n            total_after: true\n"
      "            line: %d\n            values: [%s]\n            children:\n" % (L + 5, m(total)))
    w("              - id: expenditure_year_total\n                name: 本年支出合计\n"
      "                total_after: true\n                line: %d\n                values: [%s]\n"
      "                children:\n" % (L, m(total)))
    for i, c in enumerate(cls_order):
        w("                  - {id: e%s, name: %s、%s, %svalues: [%s]}\n"
          % (c, NUMERALS[i], CLASS_NAME[c], "line: 1, " if i == 0 else "", m(classes[c])))
    n = len(cls_order)
    w("              - {name: %s、对附属单位补助支出, line: %d, values: [0.00]}\n"
      "              - {name: %s、上缴上级支出, values: [0.00]}\n"
      "              - {id: exp_carry_forward, name: %s、结转下年, values: [0.00]}\n"
      % (NUMERALS[n], L + 1, NUMERALS[n + 1], NUMERALS[n + 2]))
    # 表2 收入总体情况表, by unit (as Guangzhou prints it)
    w("  - id: t2\n    label: 表2\n    number: 2\n    title: 收入总体情况表\n    kind: income\n"
      "    total: total\n    code_title: 单位编码\n    name_title: 单位名称\n    columns:\n"
      "      - {key: total, title: 总计, type: amount, sum_of: [year_total, superior_subsidy, affiliated_remit, fund_offset, carryover]}\n"
      "      - {key: year_total, title: 合计, group: [本年收入], type: amount, sum_of: [fiscal_subtotal, special_subtotal, other_subtotal]}\n"
      "      - {key: fiscal_subtotal, title: 小计, group: [本年收入, 财政拨款], type: amount, sum_of: [general_public, gov_fund, state_capital]}\n"
      "      - {key: general_public, title: 一般公共预算, group: [本年收入, 财政拨款], type: amount}\n"
      "      - {key: gov_fund, title: 政府性基金预算, group: [本年收入, 财政拨款], type: amount}\n"
      "      - {key: state_capital, title: 国有资本经营预算, group: [本年收入, 财政拨款], type: amount}\n"
      "      - {key: special_subtotal, title: 小计, group: [本年收入, 财政专户拨款], type: amount, sum_of: [education_fees, other_fiscal]}\n"
      "      - {key: education_fees, title: 教育收费, group: [本年收入, 财政专户拨款], type: amount}\n"
      "      - {key: other_fiscal, title: 其他财政拨款收入, group: [本年收入, 财政专户拨款], type: amount}\n"
      "      - {key: other_subtotal, title: 小计, group: [本年收入, 其他资金], type: amount, sum_of: [business_income, operating_income, other_income]}\n"
      "      - {key: business_income, title: 事业收入, group: [本年收入, 其他资金], type: amount}\n"
      "      - {key: operating_income, title: 事业单位经营收入, group: [本年收入, 其他资金], type: amount}\n"
      "      - {key: other_income, title: 其他收入, group: [本年收入, 其他资金], type: amount}\n"
      "      - {key: superior_subsidy, title: 上级补助收入, type: amount}\n"
      "      - {key: affiliated_remit, title: 附属单位上缴收入, type: amount}\n"
      "      - {key: fund_offset, title: 用事业基金弥补收支总额, type: amount}\n"
      "      - {key: carryover, title: 上年预结转, type: amount}\n    rows:\n")

    def t2_vals(g, f, o):
        t = g + f + o
        return vals([m(t), m(t), m(g + f), m(g), m(f), "0.00", "0.00", "0.00", "0.00", m(o), m(o),
                     "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"])
    w("      - id: total\n        name: 总计\n        values: %s\n        children:\n"
      % t2_vals(general_total, fund_total, d.other))
    w('          - {code: "%s", name: %s, values: %s}\n' % (d.unit_code, d.name, t2_vals(general_total, fund_total, d.other)))
    # 表3 支出总体情况表
    w("  - id: t3\n    label: 表3\n    number: 3\n    title: 支出总体情况表\n    kind: expenditure\n"
      "    role: function\n    total: total\n    code_title: 功能科目编码\n    name_title: 功能科目名称\n    nest: code\n"
      "    columns:\n"
      "      - {key: total, title: 合计, type: amount, sum_of: [basic, project, business, affiliated_subsidy, remit_superior, carry_forward]}\n"
      "      - {key: basic, title: 基本支出, type: amount}\n      - {key: project, title: 项目支出, type: amount}\n"
      "      - {key: business, title: 事业单位经营支出, type: amount}\n"
      "      - {key: affiliated_subsidy, title: 对附属单位补助支出, type: amount}\n"
      "      - {key: remit_superior, title: 上缴上级支出, type: amount}\n"
      "      - {key: carry_forward, title: 结转下年, type: amount}\n    rows:\n")
    t3 = {c: (v[0] + v[1], v[2] + v[3]) for c, v in d.leaves.items()}
    tb = d.basic_general + d.other
    tp = d.project_general + d.project_fund
    z4 = ["0.00"] * 4
    w("      - id: total\n        name: 总计\n        values: %s\n        children:\n" % vals([m(tb + tp), m(tb), m(tp)] + z4))
    for code, name, (b, pr) in nest_rows(t3):
        w('          - {%scode: "%s", name: %s, values: %s}\n'
          % ("id: c%s, " % code if len(code) == 3 else "", code, name, vals([m(b + pr), m(b), m(pr)] + z4)))
    # 表4 财政拨款收支总体情况表
    fclasses = d.by_class(d.fiscal)
    fcls = [c for c in sorted(fclasses) if fclasses[c]]
    L4 = max(3, len(fcls)) + 1
    w("  - id: t4\n    label: 表4\n    number: 4\n    title: 财政拨款收支总体情况表\n    kind: fiscal_summary\n"
      "    sides:\n      - id: income\n        title: 收 入\n        name_title: 收入项目\n"
      "        columns:\n          - {key: budget, title: %d 年预算, type: amount}\n"
      "        total: income_total\n        rows:\n" % y)
    w("          - {id: income_total, name: 收入总计, total_after: true, line: %d, values: [%s], children: [\n"
      "              {id: income_year_total, name: 本年收入合计, total_after: true, line: %d, values: [%s], children: [\n"
      "                {id: income_general_public, name: 一、一般公共预算, line: 1, values: [%s]},\n"
      "                {id: income_gov_fund, name: 二、政府性基金预算, values: [%s]},\n"
      "                {id: income_state_capital, name: 三、国有资本经营预算, values: [0.00]}]},\n"
      "              {id: income_carryover, name: 上年预结转, line: %d, values: [0.00]}]}\n"
      % (L4 + 2, m(fiscal_total), L4, m(fiscal_total), m(general_total), m(fund_total), L4 + 1))
    w("      - id: expenditure\n        title: 支 出\n        name_title: 支出项目\n"
      "        columns:\n          - {key: budget, title: %d 年预算, type: amount}\n"
      "        total: expenditure_total\n        rows:\n" % y)
    w("          - id: expenditure_total\n            name: 支出总计\n            total_after: true\n"
      "            line: %d\n            values: [%s]\n            children:\n"
      "              - id: expenditure_year_total\n                name: 本年支出合计\n                total_after: true\n"
      "                line: %d\n                values: [%s]\n                children:\n"
      % (L4 + 2, m(fiscal_total), L4, m(fiscal_total)))
    for i, c in enumerate(fcls):
        w("                  - {name: %s、%s, %svalues: [%s]}\n"
          % (NUMERALS[i], CLASS_NAME[c], "line: 1, " if i == 0 else "", m(fclasses[c])))
    w("              - {id: carry_forward, name: 结转下年, line: %d, values: [0.00]}\n" % (L4 + 1))
    # 表5 非税收入
    w("  - id: t5\n    label: 表5\n    number: 5\n    title: 非税收入预算表\n    kind: nontax_income\n"
      "    total: total\n    code_title: 单位编码\n    name_title: 单位名称（资金来源）\n    columns:\n"
      "      - {key: revenue_item, title: 收入科目, type: text}\n      - {key: project_name, title: 项目名称, type: text}\n"
      "      - {key: total, title: 合计, group: [非税收入预算], type: amount, sum_of: [remit_central, remit_provincial, local]}\n"
      "      - {key: remit_central, title: 上缴中央, group: [非税收入预算], type: amount}\n"
      "      - {key: remit_provincial, title: 上缴省财政专户, group: [非税收入预算], type: amount}\n"
      "      - {key: local, title: 本级收入, group: [非税收入预算], type: amount}\n"
      "      - {key: remark, title: 备注, type: text}\n    rows:\n"
      "      - {id: total, name: 合计, values: [~, ~, 0.00, 0.00, 0.00, 0.00, ~]}\n")
    # 表6 一般公共预算支出 by function
    w("  - id: t6\n    label: 表6\n    number: 6\n    title: 一般公共预算支出预算表（按功能分类科目）\n    kind: function\n"
      "    role: general_function\n    total: total\n    code_title: 科目编码\n    name_title: 科目名称\n    nest: code\n"
      "    columns:\n"
      "      - {key: total, title: 总计, group: [一般公共预算支出], type: amount, sum_of: [basic, project]}\n"
      "      - {key: basic, title: 基本支出, group: [一般公共预算支出], type: amount}\n"
      "      - {key: project, title: 小计, group: [一般公共预算支出, 项目支出], type: amount, sum_of: [dept_project, special_fund]}\n"
      "      - {key: dept_project, title: 部门项目支出, group: [一般公共预算支出, 项目支出], type: amount}\n"
      "      - {key: special_fund, title: 财政专项资金(本级支出), group: [一般公共预算支出, 项目支出], type: amount}\n"
      "    rows:\n")
    spec = {}
    for q in d.projects:
        if q["special"]:
            spec[q["leaf"]] = spec.get(q["leaf"], 0) + q["amount"]
    t6 = {c: (v[0], v[2] - spec.get(c, 0), spec.get(c, 0)) for c, v in d.leaves.items() if v[0] + v[2]}

    def t6v(b, dp, sp):
        return vals([m(b + dp + sp), m(b), m(dp + sp), m(dp), m(sp)])
    w("      - id: total\n        name: 合计\n        values: %s\n        children:\n"
      % t6v(d.basic_general, d.project_general - d.special, d.special))
    for code, name, v in nest_rows(t6):
        w('          - {code: "%s", name: %s, values: %s}\n' % (code, name, t6v(*v)))
    # 表7 政府性基金
    w("  - id: t7\n    label: 表7\n    number: 7\n    title: 政府性基金预算支出情况表\n    kind: fund_expenditure\n"
      "    total: total\n    code_title: 支出功能科目编码\n    name_title: 支出功能科目\n    nest: code\n")
    if not fund_total:
        w("    note: 本部门 %d 年无政府性基金预算支出\n" % y)
    w("    columns:\n"
      "      - {key: total, title: 总计, type: amount, sum_of: [basic, project]}\n"
      "      - {key: basic, title: 基本支出, type: amount}\n"
      "      - {key: project, title: 小计, group: [项目支出], type: amount, sum_of: [dept_project, special_fund]}\n"
      "      - {key: dept_project, title: 部门项目支出, group: [项目支出], type: amount}\n"
      "      - {key: special_fund, title: 财政专项资金(本级支出), group: [项目支出], type: amount}\n    rows:\n")
    t7 = {c: (v[3],) for c, v in d.leaves.items() if v[3]}

    def t7v(f):
        return vals([m(f), "0.00", m(f), m(f), "0.00"])
    w("      - id: total\n        name: 合计\n        values: %s\n" % t7v(fund_total))
    if t7:
        w("        children:\n")
        for code, name, (f,) in nest_rows(t7):
            w('          - {code: "%s", name: %s, values: %s}\n' % (code, name, t7v(f)))
    # 表8 基本支出 by unit and kind
    w("  - id: t8\n    label: 表8\n    number: 8\n    title: 部门预算基本支出预算表\n    kind: basic\n    total: total\n"
      "    code_title: 单位编码\n    name_title: 支出项目类别(单位名称)\n    columns:\n"
      "      - {key: total, title: 总计, type: amount, sum_of: [fiscal_subtotal, special_subtotal, business_income, operating_income, other_funds]}\n"
      "      - {key: fiscal_subtotal, title: 小计, group: [财政拨款], type: amount, sum_of: [general_public, gov_fund, state_capital]}\n"
      "      - {key: general_public, title: 一般公共预算, group: [财政拨款], type: amount}\n"
      "      - {key: gov_fund, title: 政府性基金预算, group: [财政拨款], type: amount}\n"
      "      - {key: state_capital, title: 国有资本经营预算, group: [财政拨款], type: amount}\n"
      "      - {key: special_subtotal, title: 小计, group: [财政专户管理资金], type: amount, sum_of: [current_year, net_balance]}\n"
      "      - {key: current_year, title: 当年收入安排, group: [财政专户管理资金], type: amount}\n"
      "      - {key: net_balance, title: 净结余安排, group: [财政专户管理资金], type: amount}\n"
      "      - {key: business_income, title: 事业收入资金, type: amount}\n"
      "      - {key: operating_income, title: 经营收入资金, type: amount}\n"
      "      - {key: other_funds, title: 其他资金, type: amount}\n    rows:\n")

    def t8v(g, o):
        return vals([m(g + o), m(g), m(g), "0.00", "0.00", "0.00", "0.00", "0.00", m(o), "0.00", "0.00"])
    e = d.econ
    personnel = sum(v for c, v in e.items() if c.startswith("301"))
    tongfa = personnel * 3 // 10
    public = sum(v for c, v in e.items() if c.startswith("302") or c.startswith("310"))
    family = sum(v for c, v in e.items() if c.startswith("303"))
    w("      - id: total\n        name: 合计\n        values: %s\n        children:\n" % t8v(d.basic_general, d.other))
    w('          - code: "%s"\n            name: %s\n            values: %s\n            children:\n'
      % (d.unit_code, d.name, t8v(d.basic_general, d.other)))
    w("              - {name: 人员支出(统发), values: %s}\n" % t8v(tongfa, 0))
    w("              - {name: 人员支出(其他), values: %s}\n" % t8v(personnel - tongfa, 0))
    w("              - {name: 公用经费, values: %s}\n" % t8v(public, d.other))
    w("              - {name: 对个人和家庭的补助支出(其他), values: %s}\n" % t8v(family, 0))
    # 表9 economic classification
    w("  - id: t9\n    label: 表9\n    number: 9\n    title: 一般公共预算基本支出情况表（按支出经济分类科目）\n"
      "    kind: economic\n    role: basic_economic\n    total: total\n    code_title: 部门预算经济分类\n"
      "    name_title: 部门预算经济分类\n    nest: code\n    columns:\n"
      "      - {key: gov_class, title: 政府预算经济分类, type: text}\n"
      "      - {key: budget, title: %d 年预算, type: amount}\n    rows:\n"
      "      - id: total\n        name: 合计\n        values: [~, %s]\n        children:\n" % (y, m(d.basic_general)))
    for code, name, gov, v in econ_rows(e):
        w('          - {code: "%s", name: %s, values: ["%s", %s]}\n' % (code, name, gov, m(v)))
    # 表10 projects
    w("  - id: t10\n    label: 表10\n    number: 10\n    title: 部门预算项目支出预算表\n    kind: projects\n"
      "    role: projects\n    total: total\n    texts:\n      - {key: content, title: 项目内容}\n"
      "      - {key: goals, title: 绩效目标}\n    code_title: 单位编码\n    name_title: 项目名称 (项目类别)\n"
      "    columns:\n"
      "      - {key: total, title: 总计, type: amount, sum_of: [fiscal_total, special_account, business_income, operating_income, other_funds, carryover]}\n"
      "      - {key: fiscal_total, title: 合计, group: [财政拨款], type: amount, sum_of: [general_public, gov_fund, state_capital]}\n"
      "      - {key: general_public, title: 一般公共预算, group: [财政拨款], type: amount}\n"
      "      - {key: gov_fund, title: 政府性基金预算, group: [财政拨款], type: amount}\n"
      "      - {key: state_capital, title: 国有资本经营预算, group: [财政拨款], type: amount}\n"
      "      - {key: special_account, title: 财政专户管理资金, type: amount}\n"
      "      - {key: business_income, title: 事业收入资金, type: amount}\n"
      "      - {key: operating_income, title: 经营收入资金, type: amount}\n"
      "      - {key: other_funds, title: 其他资金, type: amount}\n"
      "      - {key: carryover, title: 上年预结转, type: amount}\n    rows:\n")

    def t10v(g, f):
        return vals([m(g + f), m(g + f), m(g), m(f)] + ["0.00"] * 6)
    w("      - id: total\n        name: 合计\n        values: %s\n        children:\n" % t10v(d.project_general, d.project_fund))
    w("          - {id: dept_project, name: 其中：部门项目支出, of_which: true, values: %s}\n"
      % t10v(d.project_general - d.special, d.project_fund))
    w("          - {id: special_fund, name: 市级财政专项资金(本级支出), of_which: true, values: %s}\n"
      % t10v(d.special, 0))
    w('          - code: "%s"\n            name: %s\n            values: %s\n            children:\n'
      % (d.unit_code, d.name, t10v(d.project_general, d.project_fund)))
    for cat in ("运行保障类", "经济和社会发展类"):
        qs = [q for q in d.projects if q["category"] == cat]
        if not qs:
            continue
        g = sum(q["amount"] for q in qs if not q["fund"])
        f = sum(q["amount"] for q in qs if q["fund"])
        w("              - name: %s\n                values: %s\n                children:\n" % (cat, t10v(g, f)))
        for q in qs:
            g, f = (0, q["amount"]) if q["fund"] else (q["amount"], 0)
            w('                  - {id: %s, code: "%s", name: %s, values: %s,\n'
              '                     content: "%s",\n                     goals: "%s"}\n'
              % (q["id"], d.unit_code, q["name"], t10v(g, f), q["content"], q["goals"]))
    # 表11 transfers
    w("  - id: t11\n    label: 表11\n    number: 11\n    title: 部门预算转移支付项目预算表\n    kind: transfers\n"
      "    total: total\n    code_title: 单位编码\n    name_title: 单位名称 (项目名称)\n"
      "    note: 本部门 %d 年无部门预算转移支付项目\n    columns:\n"
      "      - {key: total, title: 总计, type: amount, sum_of: [general_public, gov_fund, state_capital, other_funds, carryover]}\n"
      "      - {key: general_public, title: 一般公共预算, type: amount}\n"
      "      - {key: gov_fund, title: 政府性基金预算, type: amount}\n"
      "      - {key: state_capital, title: 国有资本经营预算, type: amount}\n"
      "      - {key: other_funds, title: 其他资金, type: amount}\n"
      "      - {key: carryover, title: 上年预结转, type: amount}\n"
      "      - {key: goals, title: 绩效目标, type: text}\n    rows:\n"
      "      - id: total\n        name: 合计\n        values: [0.00, 0.00, 0.00, 0.00, 0.00, 0.00, ~]\n"
      '        children:\n          - {code: "%s", name: %s, values: [0.00, 0.00, 0.00, 0.00, 0.00, 0.00, ~]}\n'
      % (y, d.unit_code, d.name))
    # 表12 行政经费 and 三公
    w("  - id: t12\n    label: 表12\n    number: 12\n    title: 财政拨款安排的行政经费及“三公”经费预算表\n"
      "    kind: sangong\n    role: sangong\n    name_title: 项目\n    columns:\n"
      "      - {key: total, title: 合计, type: amount, sum_of: [general_public, gov_fund, state_capital]}\n"
      "      - {key: general_public, title: 一般公共预算, type: amount}\n"
      "      - {key: gov_fund, title: 政府性基金预算, type: amount}\n"
      "      - {key: state_capital, title: 国有资本经营预算, type: amount}\n    rows:\n")

    def t12v(v):
        return vals([m(v), m(v), "0.00", "0.00"])
    veh = sg["vehicle_purchase"] + sg["vehicle_running"]
    w("      - {id: admin, name: 行政经费, values: %s}\n" % t12v(d.admin_costs))
    w("      - id: sangong\n        name: “三公”经费总额\n        values: %s\n        children:\n" % t12v(st_total))
    w("          - {id: abroad, name: 其中：（一）因公出国（境）费, values: %s}\n" % t12v(sg["abroad"]))
    w("          - id: vehicles\n            name: （二）公务用车购置及运行维护费\n            values: %s\n"
      "            children:\n" % t12v(veh))
    w("              - {id: vehicle_purchase, name: 1. 公务用车购置费, values: %s}\n" % t12v(sg["vehicle_purchase"]))
    w("              - {id: vehicle_running, name: 2. 公务用车运行维护费, values: %s}\n" % t12v(sg["vehicle_running"]))
    w("          - {id: reception, name: （三）公务接待费, values: %s}\n" % t12v(sg["reception"]))
    # 表13 procurement
    w("  - id: t13\n    label: 表13\n    number: 13\n    title: 政府采购预算表\n    kind: procurement\n"
      "    role: procurement\n    total: total\n    code_title: 单位编码\n    name_title: 单位名称（支出项目名称）\n"
      "    columns:\n"
      "      - {key: project_name, title: 政府采购项目名称, group: [政府采购项目], type: text}\n"
      "      - {key: item_name, title: 政府采购品目名称, group: [政府采购项目], type: text}\n"
      "      - {key: item_code, title: 政府采购品目编号, group: [政府采购项目], type: text}\n"
      "      - {key: quantity, title: 数量, type: quantity, unit_column: unit}\n"
      "      - {key: unit, title: 计量单位, type: text}\n"
      "      - {key: total, title: 总计, type: amount, sum_of: [fiscal_total, special_account, other_funds]}\n"
      "      - {key: fiscal_total, title: 合计, group: [财政拨款], type: amount, sum_of: [general_public, gov_fund, state_capital]}\n"
      "      - {key: general_public, title: 一般公共预算, group: [财政拨款], type: amount}\n"
      "      - {key: gov_fund, title: 政府性基金预算, group: [财政拨款], type: amount}\n"
      "      - {key: state_capital, title: 国有资本经营预算, group: [财政拨款], type: amount}\n"
      "      - {key: special_account, title: 财政专户管理资金, type: amount}\n"
      "      - {key: other_funds, title: 其他资金, type: amount}\n    rows:\n")

    def t13v(a):
        return "[~, ~, ~, ~, ~, " + ", ".join([m(a), m(a), m(a), "0.00", "0.00", "0.00", "0.00"]) + "]"

    def t13item(b):
        return vals(['"%s"' % b["econ"], '"%s %s"' % (b["code"], b["item"]), '"%s"' % b["code"],
                     str(b["qty"]), '"%s"' % b["unit"], m(b["amount"]), m(b["amount"]), m(b["amount"]),
                     "0.00", "0.00", "0.00", "0.00"])
    cat_sum = {c: sum(b["amount"] for b in d.buys if b["cat"] == c) for c in "ABC"}
    w("      - id: total\n        name: 合计\n        values: %s\n        children:\n" % t13v(buys))
    w("          - {id: goods, name: 其中：货物类, of_which: true, values: %s}\n" % t13v(cat_sum["A"]))
    w("          - {id: works, name: 工程类, of_which: true, values: %s}\n" % t13v(cat_sum["B"]))
    w("          - {id: services, name: 服务类, of_which: true, values: %s}\n" % t13v(cat_sum["C"]))
    w('          - code: "%s"\n            name: %s\n            values: %s\n            children:\n'
      % (d.unit_code, d.name, t13v(buys)))
    basic_buys = [b for b in d.buys if b["project"] is None]
    proj_buys = [b for b in d.buys if b["project"] is not None]
    w("              - name: 基本支出\n                values: %s\n                children:\n"
      % t13v(sum(b["amount"] for b in basic_buys)))
    for b in basic_buys:
        w('                  - {code: "%s", name: 办公家具和办公设备购置经费, values: %s}\n' % (d.unit_code, t13item(b)))
    if proj_buys:
        w("              - name: 项目支出\n                values: %s\n                children:\n"
          % t13v(sum(b["amount"] for b in proj_buys)))
        for b in proj_buys:
            q = b["project"]
            w("                  - name: %s\n                    link: {table: t10, row: %s}\n"
              "                    values: %s\n                    children:\n"
              '                      - {code: "%s", name: %s, values: %s}\n'
              % (q["name"], q["id"], t13v(b["amount"]), d.unit_code, q["name"], t13item(b)))
    # 表14 purchased services
    w("  - id: t14\n    label: 表14\n    number: 14\n    title: 政府购买服务预算表\n    kind: services\n"
      "    role: services\n    total: total\n    code_title: 单位编码\n    name_title: 单位名称(支出项目名称)\n"
      "    columns:\n"
      "      - {key: level1, title: 一级目录, group: [政府购买服务项目], type: text}\n"
      "      - {key: level2, title: 二级目录, group: [政府购买服务项目], type: text}\n"
      "      - {key: level3, title: 三级目录, group: [政府购买服务项目], type: text}\n"
      "      - {key: method, title: 购买方式, type: text}\n"
      "      - {key: total, title: 总计, type: amount, sum_of: [fiscal_total, special_account, other_funds]}\n"
      "      - {key: fiscal_total, title: 合计, group: [财政拨款], type: amount, sum_of: [general_public, gov_fund, state_capital]}\n"
      "      - {key: general_public, title: 一般公共预算, group: [财政拨款], type: amount}\n"
      "      - {key: gov_fund, title: 政府性基金预算, group: [财政拨款], type: amount}\n"
      "      - {key: state_capital, title: 国有资本经营, group: [财政拨款], type: amount}\n"
      "      - {key: special_account, title: 财政专户管理资金, type: amount}\n"
      "      - {key: other_funds, title: 其他资金, type: amount}\n    rows:\n")

    def t14v(a, lv=None):
        head = ["~"] * 4 if lv is None else ['"%s"' % x for x in lv] + ['"服务外包"']
        return vals(head + [m(a), m(a), m(a), "0.00", "0.00", "0.00", "0.00"])
    sb = [s for s in d.services if s["project"] is None]
    sp = [s for s in d.services if s["project"] is not None]
    bsum, psum = sum(s["amount"] for s in sb), sum(s["amount"] for s in sp)
    w("      - id: total\n        name: 合计\n        values: %s\n        children:\n" % t14v(bsum + psum))
    w("          - {id: basic, name: 其中：基本支出, of_which: true, values: %s}\n" % t14v(bsum))
    w("          - {id: project, name: 项目支出, of_which: true, values: %s}\n" % t14v(psum))
    w('          - code: "%s"\n            name: %s\n            values: %s\n            children:\n'
      % (d.unit_code, d.name, t14v(bsum + psum)))
    w("              - id: unit_basic\n                name: 基本支出\n                values: %s\n" % t14v(bsum))
    if sb:
        w("                children:\n")
        for s in sb:
            w('                  - {code: "%s", name: %s, values: %s}\n' % (d.unit_code, s["name"], t14v(s["amount"], s["levels"])))
    w("              - id: unit_project\n                name: 项目支出\n                values: %s\n" % t14v(psum))
    if sp:
        w("                children:\n")
        for s in sp:
            q = s["project"]
            w("                  - name: %s\n                    link: {table: t10, row: %s}\n"
              "                    values: %s\n                    children:\n"
              '                      - {code: "%s", name: %s, values: %s}\n'
              % (q["name"], q["id"], t14v(s["amount"]), d.unit_code, q["name"], t14v(s["amount"], s["levels"])))
    # identities
    w("\nidentities:\n")
    ids = [
        ("收入总计 = 支出总计（表1）", "{table: t1, row: income_total}", "{table: t1, row: expenditure_total}"),
        ("财政拨款收入总计 = 财政拨款支出总计（表4）", "{table: t4, row: income_total}", "{table: t4, row: expenditure_total}"),
        ("收入总体情况表的总计（表2）= 收入总计（表1）", "{table: t2, row: total, column: total}", "{table: t1, row: income_total}"),
        ("一般公共预算收入：表2 = 表1", "{table: t2, row: total, column: general_public}", "{table: t1, row: income_general_public}"),
        ("财政拨款收入：表1 = 表4", "{table: t1, row: income_fiscal}", "{table: t4, row: income_year_total}"),
        ("一般公共预算收入：表1 = 表4", "{table: t1, row: income_general_public}", "{table: t4, row: income_general_public}"),
        ("政府性基金预算收入：表1 = 表4", "{table: t1, row: income_gov_fund}", "{table: t4, row: income_gov_fund}"),
        ("本年支出合计：表1 = 表3 总计", "{table: t1, row: expenditure_year_total}", "{table: t3, row: total, column: total}"),
    ]
    for c in cls_order:
        ids.append(("%s：表1 = 表3" % CLASS_NAME[c], "{table: t1, row: e%s}" % c, "{table: t3, row: c%s, column: total}" % c))
    ids += [
        ("财政拨款本年支出合计（表4）= 表6 + 表7", "{table: t4, row: expenditure_year_total}",
         "[{table: t6, row: total, column: total}, {table: t7, row: total, column: total}]"),
        ("基本支出：表8 总计 = 表3 基本支出", "{table: t8, row: total, column: total}", "{table: t3, row: total, column: basic}"),
        ("一般公共预算基本支出：表9 = 表6 基本支出", "{table: t9, row: total}", "{table: t6, row: total, column: basic}"),
        ("一般公共预算基本支出：表8 = 表9", "{table: t8, row: total, column: general_public}", "{table: t9, row: total}"),
        ("项目支出：表10 总计 = 表3 项目支出", "{table: t10, row: total, column: total}", "{table: t3, row: total, column: project}"),
        ("一般公共预算项目支出：表10 = 表6", "{table: t10, row: total, column: general_public}", "{table: t6, row: total, column: project}"),
        ("部门项目支出：表10 = 表6", "{table: t10, row: dept_project, column: general_public}", "{table: t6, row: total, column: dept_project}"),
        ("市级财政专项资金：表10 = 表6", "{table: t10, row: special_fund, column: general_public}", "{table: t6, row: total, column: special_fund}"),
        ("政府采购合计 = 各采购品目之和（表13）", "{table: t13, row: total, column: total}", "{table: t13, column: total, lines: {}}"),
        ("其中：货物类 = 品目编号以 A 开头的采购之和（表13）", "{table: t13, row: goods, column: total}",
         '{table: t13, column: total, lines: {where: item_code, prefix: "A"}}'),
        ("工程类 = 品目编号以 B 开头的采购之和（表13）", "{table: t13, row: works, column: total}",
         '{table: t13, column: total, lines: {where: item_code, prefix: "B"}}'),
        ("服务类 = 品目编号以 C 开头的采购之和（表13）", "{table: t13, row: services, column: total}",
         '{table: t13, column: total, lines: {where: item_code, prefix: "C"}}'),
        ("政府购买服务合计 = 各购买服务项目之和（表14）", "{table: t14, row: total, column: total}", "{table: t14, column: total, lines: {}}"),
        ("其中：基本支出（表14）= 基本支出", "{table: t14, row: basic, column: total}", "{table: t14, row: unit_basic, column: total}"),
        ("其中：项目支出（表14）= 项目支出", "{table: t14, row: project, column: total}", "{table: t14, row: unit_project, column: total}"),
    ]
    if p:
        ids.append(("“三公”经费的变化 = 各项的变化之和（第三部分五）", "{figure: sangong_total, field: change}",
                    "[{figure: sangong_abroad, field: change}, {figure: sangong_vehicles, field: change}, "
                    "{figure: sangong_reception, field: change}]"))
    for label, left, right in ids:
        w("  - label: %s\n    left: %s\n    right: %s\n" % (label, left, right))
    return "".join(w.parts)


# ---- Jiangsu-like: 公开01表–公开12表 --------------------------------------------------

def js_doc(d, p, seed):
    w = W()
    y = d.year
    m = money

    def c(v):
        return cell(v, True)
    total = d.total()
    fiscal_total = sum(d.fiscal(x) for x in d.leaves)
    general_total = sum(d.general(x) for x in d.leaves)
    fund_total = d.project_fund
    basic = d.basic_general + d.other
    project = d.project_general + d.project_fund
    w("# SYNTHETIC department budget, written by tests/bench/genprov.py (seed %s,\n"
      "# department %d, year %d) for benchmarks: the department, its name and every\n"
      "# figure and text are made up.  Jiangsu-like 12-table format (公开01表–公开12表),\n"
      "# schema 2, 万元.  Not a real budget.\n\n" % (seed, d.k, y))
    w("schema: 2\n\ndocument:\n  department: %s\n  year: %d\n  unit: 万元\n  title: %s%d年度部门预算\n"
      "  region: %s\n  total: {table: t01, side: function, row: expenditure_total}\n"
      "  source: 合成数据（tests/bench/genprov.py），非真实预算\n\n" % (d.name, y, d.name, y, d.region))
    w("narrative:\n  - id: part1\n    title: 第一部分 部门概况\n    sections:\n"
      "      - id: duties\n        title: 一、主要职能\n        paragraphs:\n"
      '          - "1.贯彻落实国家和省有关%s工作的方针政策，研究拟订全省相关规划和政策措施。"\n'
      '          - "2.承担%s领域的统筹协调和监督管理责任，完成省委、省政府交办的其他任务。"\n'
      "      - id: organisation\n        title: 二、部门机构设置及预算单位构成情况\n        figures:\n"
      "          - {id: budget_units, label: 纳入%d年部门汇总预算编制范围的预算单位, quantity: 1, unit: 家}\n"
      % (d.sector, d.sector, y))
    w("  - id: part3\n    title: 第三部分 %d年度部门预算情况说明\n    sections:\n" % y)
    pt = p.total() if p else None
    w("      - id: overview\n        title: 一、收支预算总体情况说明\n        see: [t01]\n        paragraphs:\n"
      '          - "%s%d年度收入、支出预算总计%s万元%s。"\n        figures:\n' % (d.name, y, m(total), prose_change(total, pt)))
    figure(w, "total", "收入、支出预算总计", total, "table: t01, row: income_total", pt)
    srcs = [("income_general", "一般公共预算收入预算", general_total, "general", (p and sum(p.general(x) for x in p.leaves))),
            ("income_fund", "政府性基金收入预算", fund_total, "fund", p and p.project_fund),
            ("income_special", "财政专户管理资金收入预算总计", 0, "special", p and 0),
            ("income_other", "其他资金收入预算总计", d.other, "other", p and p.other),
            ("income_carryover", "上年结转资金预算数", 0, "carryover", p and 0)]
    for fid, label, v, row, pv in srcs:
        figure(w, fid, label, v, "table: t01, row: %s" % row, pv if p else None)
    classes = d.by_class(d.leaf_total)
    pclasses = p.by_class(p.leaf_total) if p else {}
    for x in sorted(classes):
        figure(w, "exp_%s" % x, "%s（类）支出" % CLASS_NAME[x][:-2], classes[x], "table: t01, row: c%s" % x,
               pclasses.get(x, 0) if p else None)
    pbasic = (p.basic_general + p.other) if p else None
    pproject = (p.project_general + p.project_fund) if p else None
    figure(w, "basic", "基本支出预算数", basic, "table: t01, row: basic", pbasic)
    figure(w, "project", "项目支出预算数", project, "table: t01, row: project", pproject)
    figure(w, "reserve", "单位预留机动经费预算", d.reserve, "table: t01, row: reserve", p.reserve if p else None)
    w("      - id: income\n        title: 二、收入预算情况说明\n        see: [t02]\n        paragraphs:\n"
      '          - "%s本年收入预算合计%s万元，其中一般公共预算收入%s万元，占%s。"\n        figures:\n'
      % (d.name, m(total), m(general_total), pct(general_total, total, 1)))
    w("          - {id: inc_total, label: 本年收入预算合计, value: %s, ref: {table: t02, row: total}}\n" % m(total))
    w('          - {id: inc_general, label: 一般公共预算收入, value: %s, share: "%s", share_of: {figure: inc_total}, '
      "ref: {table: t02, row: general}}\n" % (m(general_total), pct(general_total, total, 1)))
    # 三公
    sg = d.sangong
    psg = p.sangong if p else None
    sgt = sg["abroad"] + sg["vehicle_purchase"] + sg["vehicle_running"] + sg["reception"]
    w("      - id: sangong\n        title: 九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明\n        see: [t09]\n"
      "        paragraphs:\n"
      '          - "%d年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出%s万元，公务用车购置及运行维护费支出%s万元，公务接待费支出%s万元。"\n'
      "        figures:\n" % (y, m(sg["abroad"]), m(sg["vehicle_purchase"] + sg["vehicle_running"]), m(sg["reception"])))
    for key, label in (("sangong", "“三公”经费"), ("abroad", "因公出国（境）费"), ("vehicles", "公务用车购置及运行维护费"),
                       ("reception", "公务接待费"), ("meetings", "会议费"), ("training", "培训费")):
        def val(g):
            return (g["abroad"] + g["vehicle_purchase"] + g["vehicle_running"] + g["reception"]) if key == "sangong" \
                else g["vehicle_purchase"] + g["vehicle_running"] if key == "vehicles" else g[key]
        figure(w, "sg_" + key, label, val(sg), "table: t09, row: total, column: %s" % key, val(psg) if p else None)
    personnel = sum(v for x, v in d.econ.items() if x[:3] in ("301", "303"))
    public = sum(v for x, v in d.econ.items() if x[:3] in ("302", "310"))
    w("      - id: general_basic\n        title: 八、一般公共预算基本支出预算情况说明\n        see: [t08]\n        paragraphs:\n"
      '          - "%d年度一般公共预算基本支出%s万元，其中：人员经费%s万元，公用经费%s万元。"\n        figures:\n'
      % (y, m(d.basic_general), m(personnel), m(public)))
    w("          - {id: general_personnel, label: 人员经费, value: %s}\n" % m(personnel))
    w("          - {id: general_public_costs, label: 公用经费, value: %s}\n" % m(public))
    w("      - id: admin_costs\n        title: 十一、一般公共预算机关运行经费支出预算情况说明\n        see: [t11]\n        figures:\n")
    figure(w, "admin_costs", "机关运行经费支出预算", d.admin_costs, "table: t11, row: total", p.admin_costs if p else None)
    buys = sum(b["amount"] for b in d.buys)
    w("      - id: procurement\n        title: 十二、政府采购支出预算情况说明\n        see: [t12]\n        figures:\n"
      "          - {id: procurement_total, label: 政府采购预算总额, value: %s, ref: {table: t12, row: total, column: total}}\n"
      % m(buys))
    w("      - id: performance\n        title: 十四、预算绩效目标设置情况说明\n        paragraphs:\n"
      '          - "%d年本部门共%d个项目实行绩效目标管理，涉及财政性资金合计%s万元。"\n'
      "        tables:\n          - title: 项目绩效目标\n"
      '            columns: ["项目名称", "预算金额（万元）", "项目内容", "绩效目标"]\n            rows:\n'
      % (y, len(d.projects), m(project)))
    for q in d.projects:
        w('              - ["%s", "%s", "%s", "%s"]\n' % (q["name"], m(q["amount"]), q["content"], q["goals"]))
    w("  - id: part4\n    title: 第四部分 名词解释\n    terms:\n"
      '      - {term: 财政拨款收入, definition: "指省级财政当年拨付的资金。"}\n'
      '      - {term: 机关运行经费, definition: "指为保障行政单位运行用于购买货物和服务的各项资金。"}\n\n')

    w("tables:\n")
    # 公开01表
    w("  - id: t01\n    label: 公开01表\n    number: 1\n    title: 收支预算总表\n    kind: income_expenditure\n"
      "    sides:\n      - id: income\n        title: 收入\n        name_title: 项目名称\n"
      "        columns:\n          - {key: amount, title: 金额, type: amount}\n        total: income_total\n        rows:\n")
    w("          - {id: income_total, name: 收入合计, total_after: true, line: 23, values: [%s], children: [\n"
      "              {id: income_year, name: 当年收入小计, total_after: true, line: 21, values: [%s], children: [\n"
      "                {id: fiscal, name: 一、财政拨款, line: 1, values: [%s], children: [\n"
      "                  {id: general, name: 1.一般公共预算, line: 2, values: [%s]},\n"
      "                  {id: fund, name: 2.政府性基金预算, line: 3, values: [%s]}]},\n"
      "                {id: special, name: 二、财政专户管理资金, line: 4, values: [~]},\n"
      "                {id: other, name: 三、其他资金, line: 5, values: [%s]}]},\n"
      "              {id: carryover, name: 上年结转资金, line: 22, values: [~]}]}\n"
      % (m(total), m(total), c(fiscal_total), c(general_total), c(fund_total), c(d.other)))
    w("      - id: function\n        title: 功能分类\n        group: 支出\n        name_title: 功能科目名称\n"
      "        role: function\n        columns:\n          - {key: amount, title: 金额, type: amount}\n"
      "        total: expenditure_total\n        rows:\n"
      "          - id: expenditure_total\n            name: 支出合计\n            total_after: true\n            line: 23\n"
      "            values: [%s]\n            children:\n"
      "              - id: expenditure_year\n                name: 当年支出小计\n                total_after: true\n"
      "                line: 21\n                values: [%s]\n                children:\n" % (m(total), m(total)))
    for i, (x, name) in enumerate(CLASSES):
        v = classes.get(x, 0)
        w("                  - {%sname: %s、%s, line: %d, values: [%s]}\n"
          % ("id: c%s, " % x if v else "", NUMERALS[i], name, i + 1, c(v)))
    w("              - {id: carry_forward, name: 结转下年资金, line: 22, values: [~]}\n")
    w("      - id: use\n        title: 支出用途\n        group: 支出\n        name_title: 项目名称\n"
      "        role: basic_project\n        columns:\n          - {key: amount, title: 金额, type: amount}\n        rows:\n"
      "          - {id: basic, name: 一、基本支出, line: 1, values: [%s]}\n"
      "          - {id: project, name: 二、项目支出, line: 2, values: [%s]}\n"
      "          - {id: reserve, name: 三、单位预留机动经费, line: 3, values: [%s]}\n" % (c(basic), c(project), c(d.reserve)))
    # 公开02表
    w("  - id: t02\n    label: 公开02表\n    number: 2\n    title: 收入预算总表\n    kind: income\n"
      "    labels:\n      - {key: group, title: 项目名称}\n      - {key: item, title: \"\"}\n"
      "    columns:\n      - {key: amount, title: 金额, type: amount}\n    total: total\n    rows:\n"
      "      - id: total\n        labels: [收入总计, ~]\n        values: [%s]\n        children:\n"
      "          - id: general\n            labels: [一般公共预算资金, 小计]\n            values: [%s]\n            children:\n"
      "              - {labels: [~, 公共财政拨款(补助)资金], values: [%s]}\n"
      "              - {labels: [~, 专项收入], values: [~]}\n"
      "          - {id: fund, labels: [政府性基金, 小计], values: [%s]}\n"
      "          - {id: special, labels: [财政专户管理资金, 小计], values: [~]}\n"
      "          - id: other\n            labels: [其他资金, 小计]\n            values: [%s]\n            children:\n"
      "              - {labels: [~, 事业收入], values: [%s]}\n              - {labels: [~, 经营收入], values: [~]}\n"
      "              - {labels: [~, 其他收入], values: [~]}\n"
      "          - id: carryover\n            labels: [上年结转和结余资金, 小计]\n            values: [~]\n            children:\n"
      "              - {labels: [~, 其中：动用上年结转和结余资金], of_which: true, values: [~]}\n"
      % (m(total), c(general_total), c(general_total), c(fund_total), c(d.other), c(d.other)))
    # 公开03表
    w("  - id: t03\n    label: 公开03表\n    number: 3\n    title: 支出预算总表\n    kind: expenditure\n"
      "    role: basic_project\n    columns:\n"
      "      - {key: total, title: 合计, type: amount, sum_of: [basic, project, reserve, carry_forward]}\n"
      "      - {key: basic, title: 基本支出, type: amount}\n      - {key: project, title: 项目支出, type: amount}\n"
      "      - {key: reserve, title: 单位预留机动经费, type: amount}\n      - {key: carry_forward, title: 结转下年资金, type: amount}\n"
      "    total: total\n    rows:\n      - {id: total, values: [%s, %s, %s, %s, ~]}\n"
      % (m(total), c(basic), c(project), c(d.reserve)))
    # 公开04表
    w("  - id: t04\n    label: 公开04表\n    number: 4\n    title: 财政拨款收支预算总表\n    kind: fiscal_summary\n"
      "    sides:\n      - id: income\n        title: 收入\n        name_title: 项目名称\n"
      "        columns:\n          - {key: amount, title: 金额, type: amount}\n        total: income_total\n        rows:\n"
      "          - {id: income_total, name: 收入合计, total_after: true, line: 4, values: [%s], children: [\n"
      "              {id: general, name: 一、一般公共预算, line: 1, values: [%s]},\n"
      "              {id: fund, name: 二、政府性基金预算, line: 2, values: [%s]}]}\n"
      "      - id: use\n        title: 支出用途\n        group: 支出\n        name_title: 项目名称\n"
      "        columns:\n          - {key: amount, title: 金额, type: amount}\n        total: expenditure_total\n        rows:\n"
      "          - {id: expenditure_total, name: 支出合计, total_after: true, line: 4, values: [%s], children: [\n"
      "              {id: basic, name: 一、基本支出, line: 1, values: [%s]},\n"
      "              {id: project, name: 二、项目支出, line: 2, values: [%s]},\n"
      "              {id: reserve, name: 三、单位预留机动经费, line: 3, values: [%s]}]}\n"
      % (m(fiscal_total), c(general_total), c(fund_total), m(fiscal_total), c(d.basic_general),
         c(fund_total + d.project_general), c(d.reserve)))

    def code_table(tid, num, title, kind, role, code_title, name_title, col_title, rows_, tot, note=None, ids=()):
        w("  - id: %s\n    label: 公开%02d表\n    number: %d\n    title: %s\n    kind: %s\n" % (tid, num, num, title, kind))
        if role:
            w("    role: %s\n" % role)
        if note:
            w("    note: %s\n" % note)
        w("    code_title: %s\n    name_title: %s\n    nest: code\n    columns:\n"
          "      - {key: amount, title: %s, type: amount}\n    total: total\n    rows:\n"
          "      - id: total\n        name: 合计\n        values: [%s]\n" % (code_title, name_title, col_title, c(tot)))
        if rows_:
            w("        children:\n")
            for code, name, v in rows_:
                w('          - {%scode: "%s", name: %s, values: [%s]}\n'
                  % ("id: c%s, " % code if code in ids else "", code, name, c(v)))
    fis = [(x, n, v[0]) for x, n, v in nest_rows({x: (d.fiscal(x),) for x in d.leaves if d.fiscal(x)})]
    code_table("t05", 5, "财政拨款支出预算表（功能科目）", "fiscal_function", "fiscal_function", "功能科目编码",
               "功能科目名称", "金额", fis, fiscal_total)
    ec = [(x, n, v) for x, n, _, v in econ_rows(d.econ)]
    code_table("t06", 6, "财政拨款基本支出预算表（经济科目）", "fiscal_basic_economic", None, "科目编码", "科目名称",
               "金额", ec, d.basic_general, ids=("301", "302", "303", "310"))
    gen = [(x, n, v[0]) for x, n, v in nest_rows({x: (d.general(x),) for x in d.leaves if d.general(x)})]
    code_table("t07", 7, "一般公共预算支出预算表（功能科目）", "general_function", "general_function", "功能科目编码",
               "功能科目名称", "金额", gen, general_total)
    code_table("t08", 8, "一般公共预算基本支出预算表（经济科目）", "general_basic_economic", "basic_economic", "科目编码",
               "科目名称", "金额", ec, d.basic_general, ids=("301", "302", "303", "310"))
    # 公开09表
    veh = sg["vehicle_purchase"] + sg["vehicle_running"]
    w("  - id: t09\n    label: 公开09表\n    number: 9\n    title: “三公”经费、会议费、培训费支出预算表\n    kind: sangong\n"
      "    role: sangong\n    columns:\n"
      "      - {key: total, title: 合计, type: amount, sum_of: [sangong, meetings, training]}\n"
      "      - {key: sangong, title: 小计, group: [“三公”经费], type: amount, sum_of: [abroad, vehicles, reception]}\n"
      "      - {key: abroad, title: 因公出国（境）费, group: [“三公”经费], type: amount}\n"
      "      - {key: vehicles, title: 小计, group: [“三公”经费, 公务用车购置及运行维护费], type: amount, sum_of: [vehicle_purchase, vehicle_running]}\n"
      "      - {key: vehicle_purchase, title: 公务用车购置费, group: [“三公”经费, 公务用车购置及运行维护费], type: amount}\n"
      "      - {key: vehicle_running, title: 公务用车运行维护费, group: [“三公”经费, 公务用车购置及运行维护费], type: amount}\n"
      "      - {key: reception, title: 公务接待费, group: [“三公”经费], type: amount}\n"
      "      - {key: meetings, title: 会议费, type: amount}\n      - {key: training, title: 培训费, type: amount}\n"
      "    total: total\n    rows:\n      - {id: total, values: %s}\n"
      % vals([c(sgt + sg["meetings"] + sg["training"]), c(sgt), c(sg["abroad"]), c(veh), c(sg["vehicle_purchase"]),
              c(sg["vehicle_running"]), c(sg["reception"]), c(sg["meetings"]), c(sg["training"])]))
    fund = [(x, n, v[0]) for x, n, v in nest_rows({x: (d.leaves[x][3],) for x in d.leaves if d.leaves[x][3]})]
    code_table("t10", 10, "财政拨款政府性基金支出预算表", "fund_function", None, "功能科目编码", "功能科目名称", "金额",
               fund, fund_total, note=None if fund else "本部门无该项目")
    adm = [(x, n, v) for x, n, _, v in econ_rows({x: v for x, v in d.econ.items() if x.startswith("302")})]
    code_table("t11", 11, "一般公共预算机关运行经费支出预算表", "admin_costs", None, "科目编码", "科目名称",
               "机关运行经费支出", adm, d.admin_costs, ids=("302",))
    # 公开12表
    w("  - id: t12\n    label: 公开12表\n    number: 12\n    title: %d年政府采购预算表\n    kind: procurement\n"
      "    role: procurement\n    labels:\n      - {key: category, title: 采购品目大类}\n"
      "      - {key: project, title: 专项名称}\n      - {key: econ, title: 经济科目}\n"
      "      - {key: item, title: 采购物品名称}\n    nest: labels\n    columns:\n"
      "      - {key: method, title: 采购组织形式, type: text}\n      - {key: total, title: 总计, type: amount}\n"
      "    total: total\n    rows:\n      - id: total\n        labels: [合计, ~, ~, ~]\n        values: [~, %s]\n"
      % (y, c(buys)))
    idents_under = []
    if d.buys:
        w("        children:\n")
    for cat, cid, clabel in (("A", "goods", "一、货物A"), ("B", "works", "二、工程B"), ("C", "services", "三、服务C")):
        bs = [b for b in d.buys if b["cat"] == cat]
        if not bs:
            continue
        idents_under.append((cid, clabel))
        w("          - {id: %s, labels: [%s, ~, ~, ~], values: [~, %s]}\n" % (cid, clabel, c(sum(b["amount"] for b in bs))))
        groups = []
        for b in bs:
            key = (b["project"]["name"] if b["project"] else "公用经费", b["econ"])
            if not groups or groups[-1][0] != key:
                groups.append((key, []))
            groups[-1][1].append(b)
        for (pname, econ), items in groups:
            w("          - {labels: [~, %s, %s, ~], values: [~, %s]}\n" % (pname, econ, c(sum(b["amount"] for b in items))))
            for b in items:
                w("          - {labels: [~, ~, ~, %s], values: [%s, %s]}\n"
                  % (b["item"], "分散采购" if b["amount"] < 10000 else "政府集中采购", c(b["amount"])))
    # identities
    w("\nidentities:\n")
    ids = [
        ("收入合计 = 支出合计（公开01表）", "{table: t01, row: income_total}", "{table: t01, row: expenditure_total}"),
        ("当年支出小计 = 基本支出 + 项目支出 + 单位预留机动经费（公开01表 支出用途）", "{table: t01, row: expenditure_year}",
         "{table: t01, side: use, lines: {}}"),
        ("收入总计（公开02表）= 收入合计（公开01表）", "{table: t02, row: total}", "{table: t01, row: income_total}"),
        ("一般公共预算资金（公开02表）= 1.一般公共预算（公开01表）", "{table: t02, row: general}", "{table: t01, row: general}"),
        ("政府性基金（公开02表）= 2.政府性基金预算（公开01表）", "{table: t02, row: fund}", "{table: t01, row: fund}"),
        ("其他资金：公开02表 = 公开01表", "{table: t02, row: other}", "{table: t01, row: other}"),
        ("合计（公开03表）= 支出合计（公开01表）", "{table: t03, row: total, column: total}", "{table: t01, row: expenditure_total}"),
        ("基本支出：公开03表 = 公开01表", "{table: t03, row: total, column: basic}", "{table: t01, row: basic}"),
        ("项目支出：公开03表 = 公开01表", "{table: t03, row: total, column: project}", "{table: t01, row: project}"),
        ("单位预留机动经费：公开03表 = 公开01表", "{table: t03, row: total, column: reserve}", "{table: t01, row: reserve}"),
        ("收入合计 = 支出合计（公开04表）", "{table: t04, row: income_total}", "{table: t04, row: expenditure_total}"),
        ("财政拨款收入合计（公开04表）= 一、财政拨款（公开01表）", "{table: t04, row: income_total}", "{table: t01, row: fiscal}"),
        ("一般公共预算：公开04表 = 公开01表", "{table: t04, row: general}", "{table: t01, row: general}"),
        ("政府性基金预算：公开04表 = 公开01表", "{table: t04, row: fund}", "{table: t01, row: fund}"),
        ("财政拨款支出合计（公开05表）= 支出合计（公开04表）", "{table: t05, row: total}", "{table: t04, row: expenditure_total}"),
        ("财政拨款支出（公开05表）= 一般公共预算支出（公开07表）+ 政府性基金支出（公开10表）", "{table: t05, row: total}",
         "[{table: t07, row: total}, {table: t10, row: total}]"),
        ("一般公共预算支出合计（公开07表）= 一、一般公共预算（公开04表）", "{table: t07, row: total}", "{table: t04, row: general}"),
        ("政府性基金支出合计（公开10表）= 二、政府性基金预算（公开04表）", "{table: t10, row: total}", "{table: t04, row: fund}"),
        ("财政拨款基本支出合计（公开06表）= 一、基本支出（公开04表）", "{table: t06, row: total}", "{table: t04, row: basic}"),
        ("一般公共预算基本支出（公开08表）= 财政拨款基本支出（公开06表）", "{table: t08, row: total}", "{table: t06, row: total}"),
        ("机关运行经费（公开11表）= 商品和服务支出（公开08表 302）", "{table: t11, row: total}", "{table: t08, row: c302}"),
        ("人员经费（第三部分 八）= 工资福利支出 + 对个人和家庭的补助（公开08表 301 + 303）", "{figure: general_personnel}",
         "[{table: t08, row: c301}, {table: t08, row: c303}]"),
        ("公用经费（第三部分 八）= 商品和服务支出 + 资本性支出（公开08表 302 + 310）", "{figure: general_public_costs}",
         "[{table: t08, row: c302}%s]" % (", {table: t08, row: c310}" if any(x.startswith("310") for x in d.econ) else "")),
        ("政府采购合计 = 各采购物品之和（公开12表）", "{table: t12, row: total, column: total}", "{table: t12, column: total, lines: {}}"),
    ]
    for cid, clabel in idents_under:
        ids.append(("%s = 其下各采购物品之和（公开12表）" % clabel, "{table: t12, row: %s, column: total}" % cid,
                    "{table: t12, column: total, lines: {under: %s}}" % cid))
    if p:
        ids.append(("收支总计的变化 = 各收入来源的变化之和（第三部分 一）", "{figure: total, field: change}",
                    "[" + ", ".join("{figure: %s, field: change}" % s[0] for s in srcs) + "]"))
        ids.append(("收支总计的变化 = 基本支出 + 项目支出 + 单位预留机动经费的变化（第三部分 一）", "{figure: total, field: change}",
                    "[{figure: basic, field: change}, {figure: project, field: change}, {figure: reserve, field: change}]"))
        if set(classes) == set(pclasses):
            ids.append(("收支总计的变化 = 各类支出的变化之和（第三部分 一）", "{figure: total, field: change}",
                        "[" + ", ".join("{figure: exp_%s, field: change}" % x for x in sorted(classes)) + "]"))
        ids.append(("“三公”经费的变化 = 因公出国（境）+ 公务用车 + 公务接待的变化（第三部分 九）", "{figure: sg_sangong, field: change}",
                    "[{figure: sg_abroad, field: change}, {figure: sg_vehicles, field: change}, "
                    "{figure: sg_reception, field: change}]"))
    for label, left, right in ids:
        w("  - label: %s\n    left: %s\n    right: %s\n" % (label, left, right))
    if d.other and p is None:
        pass
    return "".join(w.parts)


def main(argv):
    year, seed, args = 2021, "1", []
    it = iter(argv)
    for a in it:
        if a.startswith("--year"):
            year = int(a.split("=", 1)[1] if "=" in a else next(it))
        elif a.startswith("--seed"):
            seed = a.split("=", 1)[1] if "=" in a else next(it)
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            args.append(a)
    if len(args) != 2 or not args[1].isdigit():
        sys.stderr.write("usage: genprov.py OUTDIR N [--year Y] [--seed S]\n")
        return 2
    outdir, n = args[0], int(args[1])
    if os.path.basename(os.path.normpath(os.path.abspath(outdir))) == "data" or \
            os.path.abspath(outdir).startswith(os.path.abspath(os.path.join(os.path.dirname(__file__), "../../data"))):
        sys.stderr.write("genprov.py: not writing into data/\n")
        return 2
    os.makedirs(outdir, exist_ok=True)
    for k in departments(seed, n, year):
        d = Dept(seed, k, year)
        p = Dept(seed, k, year - 1) if alive(seed, k, year - 1) else None
        text = gz_doc(d, p, seed) if d.gz else js_doc(d, p, seed)
        with open(os.path.join(outdir, "dept%04d.yaml" % k), "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
