"""Articles in languages beyond the European ones are found too: in scripts without spaced words (Chinese,
Japanese, Korean) function characters and particles stand in for stopwords, and Indonesian has its list;
without them every line of such a page reads as a menu."""

from tui.cleaning import clean

MENU = ["Home", "News", "Sports", "Culture", "Login"]
FOOTER = ["Privacy Policy", "Copyright 2024 Example Media. All rights reserved."]

KOREAN = [
    "시의회는 화요일 새로운 교통 예산을 승인했으며 이 예산은 버스와 전차에 대한 지출을 크게 늘릴 것이라고 "
    "밝혔다. 의원들은 몇 달 동안 이 계획의 비용을 어떻게 마련할지를 두고 오랜 논쟁을 벌였다.",
    "예산을 지지하는 의원들은 이 계획이 가장 붐비는 노선의 혼잡을 줄이고 시의 기후 목표를 달성하는 데 "
    "도움이 될 것이라고 말했으며, 반대하는 의원들은 지출이 불확실한 예측에 의존한다고 경고했다.",
    "시 관계자는 새로운 전차가 내년 봄부터 가장 바쁜 노선에서 운행을 시작할 것이며, 예산이 검토되는 "
    "동안 버스 요금은 오르지 않을 것이라고 설명했다. 시장은 석 달마다 보고서를 내겠다고 약속했다.",
]
JAPANESE = [
    "市議会は火曜日に新しい交通予算を承認し、バスと路面電車への支出を大きく増やすことを決めました。"
    "議員たちは数か月にわたり、この計画の費用をどのように賄うかについて議論を続けてきました。",
    "予算に賛成した議員は、計画が最も混雑する路線の渋滞を減らし、市の気候目標の達成にも役立つと述べました。"
    "一方で反対した議員は、支出が不確かな予測に頼っていると警告しました。",
    "市の担当者によると、新しい路面電車は来年の春から最も利用の多い路線で運行を始める予定で、"
    "予算の審査が続く間はバスの運賃を上げないということです。",
]


def test_a_korean_article_is_kept():
    cleaned = clean("\n".join([*MENU, "시의회, 새 교통 예산 승인", *KOREAN, *FOOTER]))
    assert cleaned.body.split("\n\n") == KOREAN
    assert cleaned.title == "시의회, 새 교통 예산 승인"


def test_a_japanese_article_is_kept():
    cleaned = clean("\n".join([*MENU, "市議会が新しい交通予算を承認", *JAPANESE, *FOOTER]))
    assert cleaned.body.split("\n\n") == JAPANESE


def test_korean_menu_words_are_still_menus():
    cleaned = clean("\n".join(["전체뉴스", "드라마", "예능", "영화", *KOREAN, "많이 본 칼럼"]))
    assert cleaned.body.split("\n\n") == KOREAN


INDONESIAN = [
    "Dewan kota pada hari Selasa menyetujui anggaran transportasi yang baru, yang akan menambah belanja untuk "
    "bus dan trem hampir seperlima, setelah perdebatan panjang tentang cara membiayainya.",
    "Para pendukung anggaran mengatakan bahwa rencana tersebut akan mengurangi kemacetan di jalur yang paling "
    "padat dan membantu kota mencapai target iklimnya, namun para pengkritik memperingatkan hal itu.",
    "Pejabat kota mengatakan trem baru akan mulai beroperasi pada musim semi tahun depan, dan tarif bus tidak "
    "akan naik selama anggaran itu masih ditinjau oleh dewan perwakilan.",
]


def test_an_indonesian_article_is_kept():
    cleaned = clean(
        "\n".join([*MENU, "Dewan kota setujui anggaran transportasi", *INDONESIAN, *FOOTER])
    )
    assert cleaned.body.split("\n\n") == INDONESIAN
