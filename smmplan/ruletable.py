"""Every rule smmplan knows, in one table: code, name, default level, summary and documentation.

The checker, every output format, ``smmplan rule`` and the site's rule list all read this table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    level: str
    """Default level: ``error``, ``warning``, ``info``, or ``per rule`` for voice rules."""
    summary: str
    why: str
    example: str
    fix: str

    def doc(self) -> str:
        """The rule's documentation in the fixed shape: what / why / example / how to fix."""
        return (
            f"# {self.code} {self.name} (default: {self.level})\n\n"
            f"## What it does\n{self.summary}\n\n"
            f"## Why\n{self.why}\n\n"
            f"## Example\n{self.example}\n\n"
            f"## How to fix\n{self.fix}\n"
        )


def _r(code: str, name: str, level: str, summary: str, why: str, example: str, fix: str) -> Rule:
    return Rule(code, name, level, summary, why, example, fix)


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        _r("SMM001", "yaml-syntax", "error",
           "Fires when a post's front matter or a YAML file of the plan does not parse.",
           "A file that does not parse cannot be checked, published or put in a feed.",
           "title: Kopi baru\nchannel: [instagram   # the list is never closed",
           "Fix the YAML at the line and column shown; quote values that contain `: ` or `#`."),
        _r("SMM002", "missing-field", "error",
           "Fires when a required key is absent (a post needs title, date, channel and pillar; "
           "ideas may omit date).",
           "Without these the post cannot be placed on the calendar or judged against the mix.",
           "---\ntitle: Promo akhir tahun\nchannel: instagram\n---   # no date, no pillar",
           "Add the key named in the message."),
        _r("SMM003", "invalid-value", "error",
           "Fires on a value of the wrong type, a date that does not exist or cannot be read, a "
           "bad "
           "id, an unknown status/format, a negative metric, or control characters in text.",
           "A wrong value would silently misplace or drop a post.",
           "date: 2027-02-30 10:00   # February has no 30th",
           "Use the form given in the message: dates as `YYYY-MM-DD HH:MM`, ids as lower-case "
           "letters, digits and dashes."),
        _r("SMM004", "unknown-field", "warning",
           "Fires on a key that is not part of the plan format.",
           "A misspelt key (`chanel:`) is ignored, so what it was meant to say never takes effect.",
           "chanel: instagram   # did you mean 'channel'?",
           "Rename the key to the suggested one, or remove it."),
        _r("SMM005", "duplicate-id", "error",
           "Fires when two posts, personas or campaigns share an id; reported on the later file "
           "(by path), naming the first.",
           "The id keys the post's page, its calendar UID and diffs; two owners of one id would "
           "overwrite each other.",
           "content/posts/2026/12/promo.md and content/posts/2027/01/promo.md, both without `id:`",
           "Give one of them a distinct `id:`."),
        _r("SMM006", "unknown-reference", "error",
           "Fires when a post names a channel, pillar, persona, campaign, author or editor that "
           "the plan does not define.",
           "A typo in a reference detaches the post from its channel's limits, its persona's "
           "page or its campaign.",
           "channel: instagarm   # did you mean 'instagram'?",
           "Use an id defined in guidelines/rules.yml, personas/, content/campaigns/ or "
           "guidelines/team.yml, or define it there."),
        _r("SMM007", "invalid-config", "error",
           "Fires when guidelines/rules.yml, guidelines/team.yml, a persona or a campaign file is "
           "missing a required part or malformed.",
           "Every other rule reads these files; a broken setting would make them judge wrongly.",
           "timezone: Asia/Jakata   # no such time zone",
           "Correct the key at the position shown."),
        _r("SMM008", "unreadable-file", "error",
           "Fires on a file that is not UTF-8, contains a NUL byte, is over 1 MiB, or is a link "
           "leading outside the plan.",
           "Such a file cannot be read safely; the rest of the plan is still checked.",
           "A caption saved as Windows-1252 from a spreadsheet.",
           "Save the file as UTF-8 text, shrink it, or replace the link by the file itself."),
        _r("SMM009", "template-error", "error",
           "Fires when a caption template or a snippet does not parse, uses something a caption "
           "may not (only snippet(), hashtags(), post.title, campaign.name and channel.name are "
           "in scope), includes itself, or runs too long.",
           "A caption that cannot be rendered cannot be checked or published as written.",
           "{{ snippet('link-in-bio') }   # the tag is never closed",
           "Fix the template at the position shown; write `{{ '{{' }}` for literal braces."),
        _r("SMM101", "too-many-per-day", "error",
           "Fires when a channel has more posts on one day (plan timezone) than the max of its "
           "`per_day`; reported on each post past the max, in time order.",
           "Posting too often on a platform tires the audience and lowers reach.",
           "instagram: {per_day: [1, 2]} and three Instagram posts on 2026-12-01",
           "Move a post to another day or channel, or raise `per_day`."),
        _r("SMM102", "too-few-per-day", "warning",
           "Fires for a day inside a channel's planned span with fewer posts than the min of its "
           "`per_day`.",
           "A gap in the rhythm loses the audience's habit.",
           "facebook: {per_day: [1, 3]} and no Facebook post on 2026-12-05",
           "Plan a post for that day, or lower the minimum."),
        _r("SMM103", "too-many-per-week", "error",
           "As too-many-per-day, per ISO week (Monday first) with `per_week`.",
           "Weekly caps keep channels such as LinkedIn from flooding their audience.",
           "linkedin: {per_week: [3, 5]} and six LinkedIn posts in 2026-W49",
           "Move a post to another week, or raise `per_week`."),
        _r("SMM104", "too-few-per-week", "warning",
           "As too-few-per-day, per ISO week with `per_week`.",
           "A channel that goes quiet for a week loses reach.",
           "linkedin: {per_week: [3, 5]} and two LinkedIn posts in 2026-W50",
           "Plan more posts for that week, or lower the minimum."),
        _r("SMM105", "too-close", "warning",
           "Fires when two posts on a channel are closer in time than its `min_gap`.",
           "Posts too close together compete with each other for the same audience.",
           "instagram: {min_gap: 3h}, posts at 09:00 and 10:30",
           "Space the posts out."),
        _r("SMM201", "mix-off-target", "warning",
           "Fires when a pillar's share of posts in a window (week or month) differs from its "
           "target by more than `mix.tolerance`.",
           "The content mix (education 40 / quote 20 / soft-sell 25 / hard-sell 15) keeps the "
           "audience from feeling sold to.",
           "education 20% in 2026-W49, target 40% ± 10%: 2 of 10 posts",
           "Change the pillar of some posts, or add posts of the missing pillar."),
        _r("SMM202", "mix-over-max", "error",
           "Fires when a pillar's share in a window exceeds its `max`.",
           "Too much hard selling drives followers away.",
           "hard-sell 27% in 2027-W03, max 20%: 8 of 30 posts",
           "Turn some hard-sell posts into soft-sell or education, or move them."),
        _r("SMM203", "consecutive-pillar", "warning",
           "Fires when a channel has more posts of one pillar in a row than "
           "`mix.max_consecutive` allows.",
           "Back-to-back sales posts read as spam.",
           "max_consecutive: {hard-sell: 1} and two hard-sell Instagram posts in a row",
           "Put a post of another pillar between them."),
        _r("SMM301", "too-long", "error",
           "Fires when a caption is longer than the channel's limit (platform table or "
           "`max_length`). X counts weighted characters; others count grapheme clusters.",
           "The platform would refuse or cut the caption.",
           "An X post of 300 weighted characters (limit 280).",
           "Shorten the caption."),
        _r("SMM302", "too-many-hashtags", "error",
           "Fires when a caption has more hashtags than the channel allows.",
           "Instagram allows 5 hashtags since December 2025; extra ones are rejected.",
           "Six hashtags on an Instagram post.",
           "Keep the most relevant hashtags."),
        _r("SMM303", "banned-term", "per rule",
           "Fires when a `banned` voice rule matches the caption.",
           "Brand voice: some words never fit the brand.",
           "{name: no-slang, kind: banned, terms: [gan, sis]} and 'Yuk gan!'",
           "Rephrase without the term."),
        _r("SMM304", "preferred-term", "per rule",
           "Fires when a `substitute` voice rule matches; the message names the replacement.",
           "Brand voice: the brand has a preferred word for some things.",
           "{kind: substitute, terms: {murah: terjangkau}} and 'harga murah'",
           "Use the preferred term."),
        _r("SMM305", "over-count", "per rule",
           "Fires when a `max-count` voice rule's pattern occurs more often than `max`.",
           "Brand voice: too many exclamation marks shout.",
           "{kind: max-count, pattern: '!', max: 2} and 'Promo!!!'",
           "Use the pattern fewer times."),
        _r("SMM306", "required-missing", "per rule",
           "Fires when a `require` voice rule's pattern does not occur in the caption.",
           "A hard-sell post without a call to action wastes the audience's attention.",
           "{kind: require, when: {pillar: hard-sell}, pattern: 'pesan|order|beli', regex: true}",
           "Add what the rule requires, e.g. a call to action."),
        _r("SMM307", "format-not-recommended", "info",
           "Fires when the post's format is not among its channel's `best_formats`.",
           "Each platform rewards some formats (reels on Instagram, video on Facebook).",
           "format: text on a channel with best_formats: [photo, carousel, reel]",
           "Consider one of the recommended formats."),
        _r("SMM308", "duplicate-caption", "warning",
           "Fires when the same caption (whitespace collapsed, case kept) goes out twice on a "
           "channel within its `duplicate_within` (default 30d on platform x), including two "
           "occurrences of one recurring post. On platform x it is an error, as X refuses the "
           "second post.",
           "X rejects identical posts, and repeating a caption word for word elsewhere reads as "
           "spam.",
           "repeat: {every: week} on x with the same caption every week",
           "Vary the caption (a snippet or `{{ post.title }}` does not vary it), repeat less "
           "often, or set the channel's `duplicate_within`."),
        _r("SMM401", "not-approved", "warning",
           "Fires when a post is due within `workflow.approve_before` (or overdue) and is not "
           "approved, scheduled or published.",
           "Posts need an editor's approval before they go out.",
           "status: draft and a date tomorrow with approve_before: 2d",
           "Ask an editor to review and approve the post."),
        _r("SMM402", "past-unpublished", "warning",
           "Fires when a post's date is before today and it is not published or cancelled.",
           "The plan should say what really happened, for reporting.",
           "status: scheduled and a date last week",
           "Set status: published (with metrics) or cancelled."),
        _r("SMM403", "approval-without-editor", "error",
           "Fires when a post is approved, scheduled or published without an editor, or its "
           "editor is its author or lacks the editor role.",
           "Structured approval: creators create, editors approve; nobody approves their own post.",
           "status: approved, author: rina, editor: rina",
           "Name a team member with the editor role who is not the author."),
        _r("SMM404", "stale-persona", "warning",
           "Fires when a persona's `last_reviewed` is missing or older than "
           "`workflow.persona_review`.",
           "Audiences change; personas must be reviewed regularly.",
           "last_reviewed: 2025-01-10 and persona_review: 180d",
           "Review the persona and update last_reviewed."),
        _r("SMM405", "blackout", "error",
           "Fires when a post falls on a blackout date (for its pillar, if the blackout names "
           "pillars).",
           "Some days call for silence or no selling (e.g. Nyepi).",
           "blackout: [{date: 2027-03-08, pillars: [hard-sell]}] and a hard-sell post that day",
           "Move the post."),
        _r("SMM406", "holiday", "info",
           "Fires when a hard-sell post falls on a national holiday of the plan's country.",
           "Hard selling on a national holiday can read as tone-deaf.",
           "A hard-sell post on 2026-12-25 with holidays: ID",
           "Consider another pillar or day."),
        _r("SMM407", "outside-campaign", "warning",
           "Fires when a post's date is outside its campaign's start..end.",
           "A post outside its campaign's dates is usually a wrong date or a wrong campaign.",
           "campaign: ramadan-2027 and a date after the campaign ended",
           "Fix the date or the campaign."),
        _r("SMM501", "not-exportable", "error",
           "Fires when `smmplan export` for a scheduler leaves a post out because the tool "
           "cannot take it: in the past or too soon, a minute it does not accept, an all-day "
           "slot, a platform it does not post to, a caption over the limit, or past the most "
           "posts one upload takes.",
           "A bulk upload that silently lacks a post means a post that never goes out.",
           "smmplan export hootsuite --channel instagram   # a post at 19:33: Hootsuite takes "
           "only minutes ending in 0 or 5",
           "Change the post as the message says, or schedule that one by hand."),
        _r("SMM601", "implausible-metrics", "warning",
           "Fires when numbers after publishing cannot all be right: a reach smaller than the "
           "interactions (likes, comments, shares, saves) it should contain, or a follower count "
           "in data/audience.csv dated before the channel's first post in the plan.",
           "Such numbers usually come from a column mix-up or a mistyped date, and they would "
           "skew the engagement rate and the interactions per 1,000 followers.",
           "post,channel,date,reach,likes,comments\nkopi-launch,instagram,2026-11-02,40,212,25",
           "Check the numbers against the platform's analytics and correct the row."),
    )
}

BY_NAME: dict[str, Rule] = {r.name: r for r in RULES.values()}

#: The rules' summaries in Indonesian, for plans with ``language: id`` (the site's rule list).
SUMMARY_ID: dict[str, str] = {
    "SMM001": "Front matter unggahan atau berkas YAML rencana tidak dapat dibaca (sintaks YAML).",
    "SMM002": "Kunci wajib tidak ada (unggahan butuh title, date, channel dan pillar; ide boleh "
              "tanpa date).",
    "SMM003": "Nilai salah jenis, tanggal yang tidak ada atau tak terbaca, id tidak sah, status "
              "atau format tak dikenal, metrik negatif, atau karakter kontrol dalam teks.",
    "SMM004": "Kunci yang bukan bagian dari format rencana (dengan saran ejaan).",
    "SMM005": "Dua unggahan, persona atau kampanye memakai id yang sama; dilaporkan pada berkas "
              "yang kemudian.",
    "SMM006": "Unggahan menyebut kanal, pilar, persona, kampanye, penulis atau editor yang tidak "
              "didefinisikan.",
    "SMM007": "guidelines/rules.yml, guidelines/team.yml, berkas persona atau kampanye tidak "
              "lengkap atau rusak.",
    "SMM008": "Berkas bukan UTF-8, berisi byte NUL, lebih dari 1 MiB, atau tautan ke luar rencana.",
    "SMM009": "Templat caption atau snippet tidak dapat dibaca, memakai sesuatu di luar "
              "snippet(), hashtags(), post.title, campaign.name dan channel.name, memuat dirinya "
              "sendiri, atau berjalan terlalu lama.",
    "SMM101": "Sebuah kanal punya lebih banyak unggahan dalam sehari daripada maksimum per_day.",
    "SMM102": "Sebuah hari dalam rentang rencana kanal punya lebih sedikit unggahan daripada "
              "minimum per_day.",
    "SMM103": "Seperti SMM101, per minggu ISO dengan per_week.",
    "SMM104": "Seperti SMM102, per minggu ISO dengan per_week.",
    "SMM105": "Dua unggahan di satu kanal lebih rapat daripada min_gap.",
    "SMM201": "Porsi pilar dalam satu periode menyimpang dari targetnya lebih dari toleransi.",
    "SMM202": "Porsi pilar dalam satu periode melebihi maksimumnya.",
    "SMM203": "Terlalu banyak unggahan berpilar sama berturut-turut di satu kanal "
              "(max_consecutive).",
    "SMM301": "Caption lebih panjang dari batas kanal (X menghitung karakter berbobot).",
    "SMM302": "Caption memakai lebih banyak tagar daripada yang diizinkan kanal.",
    "SMM303": "Aturan suara merek `banned` menemukan istilah terlarang.",
    "SMM304": "Aturan suara merek `substitute` menemukan istilah yang punya pengganti pilihan.",
    "SMM305": "Pola aturan `max-count` muncul lebih sering daripada batasnya.",
    "SMM306": "Pola aturan `require` (misalnya ajakan bertindak) tidak ada di caption.",
    "SMM307": "Format unggahan tidak termasuk best_formats kanalnya.",
    "SMM308": "Caption yang sama dua kali di satu kanal dalam duplicate_within (bawaan 30 hari "
              "di X), termasuk dua kejadian satu unggahan berulang.",
    "SMM401": "Jatuh tempo dalam approve_before (atau lewat) dan belum disetujui, dijadwalkan "
              "atau terbit.",
    "SMM402": "Tanggal sudah lewat dan status belum published atau cancelled.",
    "SMM403": "Disetujui, dijadwalkan atau terbit tanpa editor, atau editornya penulisnya "
              "sendiri atau tidak berperan editor.",
    "SMM404": "last_reviewed persona tidak ada atau lebih lama dari persona_review.",
    "SMM405": "Unggahan jatuh pada tanggal blackout (untuk pilarnya, bila pilar disebut).",
    "SMM406": "Unggahan hard-sell jatuh pada hari libur nasional.",
    "SMM407": "Tanggal unggahan di luar rentang start..end kampanyenya.",
    "SMM501": "`smmplan export` ke penjadwal tidak menyertakan unggahan yang tidak bisa diterima "
              "penjadwal itu (sudah lewat, menit yang ditolak, platform yang tidak dilayani, "
              "caption terlalu panjang...).",
    "SMM601": "Angka setelah terbit tidak mungkin benar semua: jangkauan lebih kecil daripada "
              "interaksinya, atau jumlah pengikut bertanggal sebelum unggahan pertama kanal.",
}


def summary(rule: Rule, language: str) -> str:
    """The rule's summary in ``language`` (``en`` or ``id``)."""
    return SUMMARY_ID.get(rule.code, rule.summary) if language == "id" else rule.summary


def lookup(code_or_name: str) -> Rule | None:
    """A rule by code (``SMM101``, any case) or name (``too-many-per-day``)."""
    return RULES.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())
