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
