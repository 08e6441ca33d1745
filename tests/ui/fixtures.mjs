// Article data for the UI tests: a small mixed Arabic/English project as a researcher would
// have it, plus hostile data.

const row = (id, title, outlet, lang, published_at, extra = {}) => ({
  id,
  title,
  outlet,
  author: null,
  lang,
  published_at,
  source: `/home/researcher/corpus/${id}.txt`,
  format: "text",
  imported_at: "2025-03-01T09:00:00Z",
  ...extra,
});

export const ARABIC_TITLE = "الرئيس يعلن خطة جديدة لإعادة الإعمار في المحافظات الشمالية";
export const ARABIC_TEXT =
  "أعلن الرئيس اليوم عن خطة شاملة لإعادة إعمار المحافظات الشمالية، وقال إن العمل سيبدأ خلال أسابيع.\n\n" +
  "وقال المتحدث باسم الحكومة لـ Reuters إن \"التمويل مؤمَّن بالكامل\"، مضيفاً أن الخطة تشمل المدارس والمستشفيات.\n\n" +
  "وانتقدت المعارضة الخطة ووصفتها بأنها وعود انتخابية.";

export const ENGLISH_TEXT =
  "The president announced on Monday a reconstruction plan for the northern provinces.\n\n" +
  "“Funding is fully secured,” a government spokesman told reporters, adding that schools and hospitals come first.\n\n" +
  "The opposition called the plan an election promise.";

export const ARTICLES = [
  row(1, ARABIC_TITLE, "الجزيرة", "ar", "2024-03-12", { author: "سارة المصري" }),
  row(2, "President unveils reconstruction plan for northern provinces", "Reuters", "en", "2024-03-12", {
    author: "Jane Doe",
  }),
  row(3, "المعارضة: خطة الإعمار وعود انتخابية", "العربية", "ar", "2024-03-13"),
  row(4, "Opposition dismisses reconstruction pledge as campaign talk", "BBC News", "en", "2024-03-14"),
  row(5, "مصادر: التمويل يأتي من صندوق إقليمي", "الشرق الأوسط", "ar", "2024-03-10"),
  row(6, "Analysis: who pays for the rebuild?", "The Guardian", "en", "2024-03-15"),
  row(7, "بيان الحكومة الكامل حول خطة الإعمار", null, "ar", null),
  row(8, "Press release (untitled draft)", "Ministry of Planning", "und", "2024-02-28"),
];

export const TEXTS = {
  1: { url: "https://www.aljazeera.net/news/2024/3/12/خطة-الإعمار", text: ARABIC_TEXT },
  2: { url: "https://www.reuters.com/world/reconstruction-plan-2024-03-12/", text: ENGLISH_TEXT },
};

export const HOSTILE_TITLE = "<img src=x onerror=window.__pwned=1>";
export const HOSTILE_TEXT =
  "<script>window.__pwned=2</script>\n\n<img src=x onerror=\"window.__pwned=3\"><b>bold?</b>\n\n" +
  "<iframe src=\"javascript:window.__pwned=4\"></iframe>";

// The workbench: an invented registry and alignment of the articles above.
export const ARABIC_CLAIM = "التمويل مؤمَّن بالكامل";
export const WORKBENCH = {
  actors: [
    {
      key: "government spokesman",
      name: "Government spokesman",
      kind: "person",
      aliases: ["المتحدث باسم الحكومة"],
      titles: [],
      roles: ["spokesman"],
      statements: 2,
      outlets: [
        { outlet: "Reuters", statements: 1 },
        { outlet: "الجزيرة", statements: 1 },
      ],
      mentions: [
        { id: "aaaa#government spokesman", article: 2, name: "a government spokesman" },
        { id: "bbbb#المتحدث باسم الحكومه", article: 1, name: "المتحدث باسم الحكومة" },
      ],
    },
    {
      key: "the president",
      name: "The president",
      kind: "person",
      aliases: ["الرئيس"],
      titles: [],
      roles: [],
      statements: 2,
      outlets: [
        { outlet: "Reuters", statements: 1 },
        { outlet: "الجزيرة", statements: 1 },
      ],
      mentions: [
        { id: "aaaa#president", article: 2, name: "The president" },
        { id: "bbbb#الرييس", article: 1, name: "الرئيس" },
      ],
    },
    {
      key: "opposition",
      name: "The opposition",
      kind: "organisation",
      aliases: [],
      titles: [],
      roles: [],
      statements: 1,
      outlets: [{ outlet: "BBC News", statements: 1 }],
      mentions: [{ id: "cccc#opposition", article: 4, name: "The opposition" }],
    },
  ],
  coverage: {
    outlets: ["BBC News", "Reuters", "الجزيرة"],
    rows: [
      { key: "government spokesman", name: "Government spokesman", counts: [0, 1, 1] },
      { key: "the president", name: "The president", counts: [0, 1, 1] },
      { key: "opposition", name: "The opposition", counts: [1, 0, 0] },
    ],
  },
  groups: {
    "government spokesman": [
      {
        id: 0,
        actor: "Government spokesman",
        actor_key: "government spokesman",
        claim: "funding is fully secured",
        base: 0,
        missing_from: ["BBC News"],
        related: [],
        members: [
          {
            id: 11,
            article: 2,
            outlet: "Reuters",
            lang: "en",
            published_at: "2024-03-12",
            kind: "direct",
            cue: "told",
            stance: "neutral",
            text: "Funding is fully secured",
            diff: [{ op: "equal", text: "Funding is fully secured" }],
            compared_with: 0,
          },
          {
            id: 12,
            article: 1,
            outlet: "الجزيرة",
            lang: "ar",
            published_at: "2024-03-12",
            kind: "direct",
            cue: "قال",
            stance: "neutral",
            text: ARABIC_CLAIM,
            diff: [
              { op: "equal", text: "التمويل" },
              { op: "added", text: "مؤمَّن بالكامل" },
            ],
            compared_with: 1,
          },
        ],
      },
    ],
  },
  statements: {
    1: [
      {
        id: 12,
        article: 1,
        actor: "المتحدث باسم الحكومة",
        speaker: "المتحدث باسم الحكومة",
        kind: "direct",
        cue: "قال",
        stance: "neutral",
        text: ARABIC_CLAIM,
        start: 120,
        end: 160,
      },
    ],
  },
  annotations: [],
};
