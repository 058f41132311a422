"""The words smmplan writes for people, in English and Indonesian (``language`` in rules.yml):
labels of the generated pages (:class:`Labels`) and titles and descriptions of the calendar feeds
(:func:`feed_words`). Rule summaries in Indonesian sit beside the rule table
(:data:`smmplan.ruletable.SUMMARY_ID`)."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("en", "id")

_EN: dict[str, str] = {
    "overview": "Overview", "calendar": "Calendar", "channels": "Channels",
    "all_months": "All months", "this_month": "this month",
    "months_intro": "Each month of the plan as a grid, with its number of posts.",
    "personas": "Personas", "campaigns": "Campaigns", "mix": "Content mix", "backlog": "Backlog",
    "checks": "Checks", "guidelines": "Guidelines", "subscribe": "Subscribe", "pages": "Pages",
    "next_14": "Next 14 days", "by_status": "Posts by status", "open_problems": "Open problems",
    "no_posts": "No posts.", "no_problems": "No problems: the plan passes every check.",
    "all_checks": "See all checks", "today": "today", "holiday": "Holiday",
    "prev_month": "Previous month", "next_month": "Next month", "all_day": "all day",
    "time": "Time", "date": "Date", "title": "Title", "channel": "Channel", "pillar": "Pillar",
    "status": "Status", "format": "Format", "persona": "Personas", "campaign": "Campaign",
    "author": "Author", "editor": "Editor", "tags": "Tags", "link": "Link", "media": "Media",
    "file": "File", "caption": "Caption", "facts": "Facts", "length": "Length",
    "diagnostics": "Diagnostics", "no_diagnostics": "No diagnostics for this post.",
    "characters": "characters", "graphemes": "graphemes", "weighted": "weighted characters",
    "hashtags": "hashtags", "limit": "limit", "over_limit": "over the limit",
    "platform": "Platform", "per_day": "Posts per day", "per_week": "Posts per week",
    "min_gap": "Minimum gap", "best_formats": "Best formats", "max_length": "Maximum length",
    "max_hashtags": "Maximum hashtags", "posts": "Posts", "month": "Month", "count": "Count",
    "coverage": "Coverage by month", "description": "Description", "name": "Name",
    "start": "Start", "end": "End", "goal": "Goal", "owner": "Owner", "brief": "Brief",
    "window": "Window", "share": "Share", "target": "Target", "max": "Max", "total": "Total",
    "tolerance": "Tolerance", "min_posts": "Minimum posts judged", "week": "Week",
    "off_target": "off target", "over_max": "over max", "not_judged": "too few posts to judge",
    "whole_plan": "Whole plan", "ideas": "Ideas", "no_ideas": "The backlog is empty.",
    "severity": "Severity", "rule": "Rule", "message": "Message", "where": "Where",
    "error": "error", "warning": "warning", "info": "info",
    "errors": "errors", "warnings": "warnings",
    "settings": "Settings", "timezone": "Time zone", "language": "Language",
    "event_minutes": "Event length (minutes)", "holidays": "National holidays",
    "voice": "Brand voice", "kind": "Kind", "level": "Level", "terms": "Terms",
    "pattern": "Pattern", "when": "Applies when", "blackout": "Blackout dates",
    "reason": "Reason", "workflow": "Workflow", "approve_before": "Approve before",
    "persona_review": "Review personas every", "severity_overrides": "Severity overrides",
    "rule_codes": "Rule codes", "default": "Default", "fires_when": "Fires when",
    "pillars": "Pillars", "max_consecutive": "Maximum in a row", "guides": "Guides",
    "feeds": "Calendar feeds", "feed": "Feed", "https_link": "https link",
    "webcal_link": "webcal link", "download": "Download",
    "no_site_url": "Set `site_url` in mkdocs.yml to get subscription links that calendar "
                   "apps can reach; until then the feeds can only be downloaded.",
    "how_google": "Google Calendar", "how_outlook": "Outlook", "how_apple": "Apple Calendar",
    "google_steps": "On calendar.google.com, next to “Other calendars” choose “+”, then "
                    "“From URL”, paste the https link and choose “Add calendar”. Google refreshes "
                    "subscribed calendars every few hours.",
    "outlook_steps": "In Outlook on the web choose “Add calendar”, then “Subscribe from web”, "
                     "paste the https link, give it a name and choose “Import”.",
    "apple_steps": "On a Mac choose File › New Calendar Subscription and paste the webcal link "
                   "(on iPhone: Settings › Calendar › Accounts › Add Account › Other › Add "
                   "Subscribed Calendar). Set auto-refresh to every hour.",
    "interests": "Interests", "demographics": "Demographics", "last_reviewed": "Last reviewed",
    "other": "Other", "none": "—", "legend": "Legend", "open": "Open", "more": "more",
    "upcoming": "Upcoming", "problems_count": "problems",
    "next_weeks": "Next {n} weeks", "last_weeks": "Last {n} weeks",
    "editor_support": "Editor support", "files": "Files", "schema": "Schema",
    "first_line": "First line of the file",
    "editor_intro": "Editors that use the YAML language server (Visual Studio Code with the YAML "
                    "extension, Neovim, Helix, JetBrains IDEs) complete keys and flag mistakes "
                    "while you type, once the first line of a plan file names its JSON Schema. "
                    "`smmplan check` stays the judge: the schemas catch typos early.",
    "schema_front_matter": "Post front matter sits inside Markdown, which the YAML language "
                           "server does not read: this schema is for tools that check front "
                           "matter.",
    "schema_no_site_url": "Without `site_url` in mkdocs.yml these lines point at copies in the "
                          "plan: `smmplan schema --output schemas` writes them.",
    "in_all": "{posts} dated posts in all: the months below link to their calendars.",
    "mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri", "sat": "Sat",
    "sun": "Sun",
    "m1": "January", "m2": "February", "m3": "March", "m4": "April", "m5": "May", "m6": "June",
    "m7": "July", "m8": "August", "m9": "September", "m10": "October", "m11": "November",
    "m12": "December",
    "idea": "idea", "draft": "draft", "review": "review", "approved": "approved",
    "scheduled": "scheduled", "published": "published", "cancelled": "cancelled",
    "engagement": "Engagement", "engagement_rate": "Engagement rate", "er": "ER",
    "top_post": "Top post", "all_channels": "All channels",
    "reach": "Reach", "impressions": "Impressions", "likes": "Likes", "comments": "Comments",
    "shares": "Shares", "saves": "Saves", "clicks": "Clicks",
    "er_explained": "Engagement rate (ER) = (likes + comments + shares + saves) ÷ reach, over "
                    "the published occurrences that report their reach. A cross-post counts on "
                    "each of its channels with that channel's numbers, and each date of a "
                    "recurring post on its own. Weeks, months and quarters are those of the "
                    "plan's time zone; per 1,000 followers uses the channel's latest follower "
                    "count (data/audience.csv) on or before the month's end.",
    "no_metrics": "No published post has numbers yet: run `smmplan metrics import` with a "
                  "platform's analytics export, or add rows to data/metrics/, and the months "
                  "show up here.",
    "trends": "Month by month", "mix_vs_engagement": "Planned mix and what each pillar earned",
    "by_format": "By format", "top_bottom": "Best and weakest posts",
    "best_times": "Best posting times", "report": "Report", "reports": "Reports",
    "report_intro": "Engagement of the posts published in the quarter,",
    "quarter_reports": "Quarterly reports", "interactions": "Interactions",
    "figure": "Figure", "value": "Value", "followers": "Followers",
    "per_1000": "per 1,000 followers", "er_by_month": "Engagement rate by month and channel",
    "per_1000_by_month": "Interactions per 1,000 followers by month and channel",
    "planned_share": "Planned share", "with_numbers": "Published with numbers",
    "interaction_share": "Share of interactions", "post": "Post",
    "top_posts": "Highest engagement rate", "bottom_posts": "Lowest engagement rate",
    "slots_explained": "Engagement rate by weekday and hour of publishing, over every channel; "
                       "a slot is shown only with at least {n} posts with a reach behind it.",
    "heat_map": "Engagement rate by weekday and hour", "weekday": "Weekday", "hour": "Hour",
    "heat_table": "The same figures as a table", "best_slots": "Best slots per channel",
    "no_slots": "No slot has enough posts yet.", "change": "Change",
    "repeat": "Repeats", "occurrences": "Occurrences", "left_out": "Left out",
    "earlier_occurrences": "{n} earlier", "more_occurrences": "and {n} more",
    "expanded_through": "shown through {day}, the plan's horizon; the feeds carry the rule "
                        "without an end",
    "captions_per_channel": "Captions per channel", "other_channels": "other channels",
    "no_occurrence": "No occurrence left.",
    "skip_except": "left out (except)", "skip_holiday": "national holiday",
    "skip_blackout": "blackout date",
}

_ID: dict[str, str] = {
    "overview": "Ringkasan", "calendar": "Kalender", "channels": "Kanal",
    "all_months": "Semua bulan", "this_month": "bulan ini",
    "months_intro": "Setiap bulan rencana sebagai kalender, dengan jumlah unggahannya.",
    "personas": "Persona", "campaigns": "Kampanye", "mix": "Bauran konten", "backlog": "Ide",
    "checks": "Pemeriksaan", "guidelines": "Pedoman", "subscribe": "Langganan",
    "pages": "Halaman",
    "next_14": "14 hari ke depan", "by_status": "Unggahan per status",
    "open_problems": "Masalah terbuka", "no_posts": "Tidak ada unggahan.",
    "no_problems": "Tidak ada masalah: rencana lolos semua pemeriksaan.",
    "all_checks": "Lihat semua pemeriksaan", "today": "hari ini", "holiday": "Hari libur",
    "prev_month": "Bulan sebelumnya", "next_month": "Bulan berikutnya",
    "all_day": "sepanjang hari",
    "time": "Waktu", "date": "Tanggal", "title": "Judul", "channel": "Kanal", "pillar": "Pilar",
    "status": "Status", "format": "Format", "persona": "Persona", "campaign": "Kampanye",
    "author": "Penulis", "editor": "Editor", "tags": "Tag", "link": "Tautan", "media": "Media",
    "file": "Berkas", "caption": "Keterangan", "facts": "Rincian", "length": "Panjang",
    "diagnostics": "Diagnostik", "no_diagnostics": "Tidak ada diagnostik untuk unggahan ini.",
    "characters": "karakter", "graphemes": "grafem", "weighted": "karakter berbobot",
    "hashtags": "tagar", "limit": "batas", "over_limit": "melebihi batas",
    "platform": "Platform", "per_day": "Unggahan per hari", "per_week": "Unggahan per minggu",
    "min_gap": "Jarak minimum", "best_formats": "Format terbaik",
    "max_length": "Panjang maksimum", "max_hashtags": "Tagar maksimum", "posts": "Unggahan",
    "month": "Bulan", "count": "Jumlah", "coverage": "Cakupan per bulan",
    "description": "Deskripsi", "name": "Nama", "start": "Mulai", "end": "Selesai",
    "goal": "Tujuan", "owner": "Penanggung jawab", "brief": "Ringkasan kampanye",
    "window": "Periode", "share": "Porsi", "target": "Target", "max": "Maks",
    "total": "Total", "tolerance": "Toleransi", "min_posts": "Minimum unggahan dinilai",
    "week": "Minggu", "off_target": "meleset dari target", "over_max": "melebihi maks",
    "not_judged": "terlalu sedikit unggahan untuk dinilai", "whole_plan": "Seluruh rencana",
    "ideas": "Ide", "no_ideas": "Belum ada ide.",
    "severity": "Tingkat", "rule": "Aturan", "message": "Pesan", "where": "Lokasi",
    "error": "galat", "warning": "peringatan", "info": "info",
    "errors": "galat", "warnings": "peringatan",
    "settings": "Pengaturan", "timezone": "Zona waktu", "language": "Bahasa",
    "event_minutes": "Durasi acara (menit)", "holidays": "Hari libur nasional",
    "voice": "Gaya bahasa merek", "kind": "Jenis", "level": "Tingkat", "terms": "Istilah",
    "pattern": "Pola", "when": "Berlaku jika", "blackout": "Tanggal larangan",
    "reason": "Alasan", "workflow": "Alur kerja", "approve_before": "Setujui sebelum",
    "persona_review": "Tinjau persona setiap", "severity_overrides": "Penyesuaian tingkat",
    "rule_codes": "Kode aturan", "default": "Bawaan", "fires_when": "Muncul jika",
    "pillars": "Pilar", "max_consecutive": "Maksimum berturut-turut", "guides": "Panduan",
    "feeds": "Umpan kalender", "feed": "Umpan", "https_link": "tautan https",
    "webcal_link": "tautan webcal", "download": "Unduh",
    "no_site_url": "Isi `site_url` di mkdocs.yml agar aplikasi kalender dapat berlangganan; "
                   "sampai saat itu umpan hanya bisa diunduh.",
    "how_google": "Google Calendar", "how_outlook": "Outlook", "how_apple": "Apple Calendar",
    "google_steps": "Di calendar.google.com, di samping “Kalender lain” pilih “+”, lalu "
                    "“Dari URL”, tempel tautan https dan pilih “Tambahkan kalender”. Google "
                    "memperbarui kalender langganan setiap beberapa jam.",
    "outlook_steps": "Di Outlook web pilih “Tambahkan kalender”, lalu “Berlangganan dari web”, "
                     "tempel tautan https, beri nama dan pilih “Impor”.",
    "apple_steps": "Di Mac pilih File › Langganan Kalender Baru lalu tempel tautan webcal "
                   "(di iPhone: Pengaturan › Kalender › Akun › Tambah Akun › Lainnya › Tambah "
                   "Kalender Langganan). Atur penyegaran otomatis setiap jam.",
    "interests": "Minat", "demographics": "Demografi", "last_reviewed": "Terakhir ditinjau",
    "other": "Lainnya", "none": "—", "legend": "Keterangan warna", "open": "Buka",
    "more": "lagi", "upcoming": "Mendatang", "problems_count": "masalah",
    "next_weeks": "{n} minggu ke depan", "last_weeks": "{n} minggu terakhir",
    "editor_support": "Dukungan editor", "files": "Berkas", "schema": "Skema",
    "first_line": "Baris pertama berkas",
    "editor_intro": "Editor yang memakai YAML language server (Visual Studio Code dengan "
                    "ekstensi YAML, Neovim, Helix, IDE JetBrains) melengkapi kunci dan menandai "
                    "kesalahan saat Anda mengetik, asalkan baris pertama berkas rencana menyebut "
                    "JSON Schema-nya. `smmplan check` tetap penentunya: skema menangkap salah "
                    "ketik lebih awal.",
    "schema_front_matter": "Front matter unggahan ada di dalam Markdown, yang tidak dibaca YAML "
                           "language server: skema ini untuk alat yang memeriksa front matter.",
    "schema_no_site_url": "Tanpa `site_url` di mkdocs.yml, baris ini menunjuk salinan di dalam "
                          "rencana: `smmplan schema --output schemas` menuliskannya.",
    "in_all": "Seluruhnya {posts} unggahan bertanggal: bulan-bulan di bawah menautkan ke "
              "kalendernya.",
    "mon": "Sen", "tue": "Sel", "wed": "Rab", "thu": "Kam", "fri": "Jum", "sat": "Sab",
    "sun": "Min",
    "m1": "Januari", "m2": "Februari", "m3": "Maret", "m4": "April", "m5": "Mei", "m6": "Juni",
    "m7": "Juli", "m8": "Agustus", "m9": "September", "m10": "Oktober", "m11": "November",
    "m12": "Desember",
    "idea": "ide", "draft": "draf", "review": "ditinjau", "approved": "disetujui",
    "scheduled": "terjadwal", "published": "terbit", "cancelled": "batal",
    "engagement": "Kinerja", "engagement_rate": "Tingkat keterlibatan", "er": "ER",
    "top_post": "Unggahan teratas", "all_channels": "Semua kanal",
    "reach": "Jangkauan", "impressions": "Tayangan", "likes": "Suka", "comments": "Komentar",
    "shares": "Dibagikan", "saves": "Disimpan", "clicks": "Klik",
    "er_explained": "Tingkat keterlibatan (ER) = (suka + komentar + dibagikan + disimpan) ÷ "
                    "jangkauan, atas penayangan terbit yang melaporkan jangkauannya. Unggahan "
                    "silang dihitung di setiap kanalnya dengan angka kanal itu, dan setiap "
                    "tanggal unggahan berulang tersendiri. Minggu, bulan dan kuartal mengikuti "
                    "zona waktu rencana; per 1.000 pengikut memakai jumlah pengikut terakhir "
                    "kanal (data/audience.csv) sampai akhir bulan.",
    "no_metrics": "Belum ada unggahan terbit yang punya angka: jalankan `smmplan metrics "
                  "import` dengan ekspor analitik platform, atau tambahkan baris ke "
                  "data/metrics/, dan bulannya akan tampil di sini.",
    "trends": "Dari bulan ke bulan", "mix_vs_engagement": "Bauran rencana dan hasil tiap pilar",
    "by_format": "Menurut format", "top_bottom": "Unggahan terbaik dan terlemah",
    "best_times": "Waktu unggah terbaik", "report": "Laporan", "reports": "Laporan",
    "report_intro": "Kinerja unggahan yang terbit pada kuartal ini,",
    "quarter_reports": "Laporan kuartalan", "interactions": "Interaksi",
    "figure": "Angka", "value": "Nilai", "followers": "Pengikut",
    "per_1000": "per 1.000 pengikut", "er_by_month": "Tingkat keterlibatan per bulan dan kanal",
    "per_1000_by_month": "Interaksi per 1.000 pengikut per bulan dan kanal",
    "planned_share": "Porsi rencana", "with_numbers": "Terbit dengan angka",
    "interaction_share": "Porsi interaksi", "post": "Unggahan",
    "top_posts": "Tingkat keterlibatan tertinggi", "bottom_posts": "Tingkat keterlibatan terendah",
    "slots_explained": "Tingkat keterlibatan menurut hari dan jam tayang, atas semua kanal; "
                       "sebuah slot tampil hanya bila ada sedikitnya {n} unggahan berjangkauan.",
    "heat_map": "Tingkat keterlibatan menurut hari dan jam", "weekday": "Hari", "hour": "Jam",
    "heat_table": "Angka yang sama sebagai tabel", "best_slots": "Slot terbaik per kanal",
    "no_slots": "Belum ada slot dengan cukup unggahan.", "change": "Perubahan",
    "repeat": "Berulang", "occurrences": "Jadwal tayang", "left_out": "Dilewati",
    "earlier_occurrences": "{n} sebelumnya", "more_occurrences": "dan {n} lagi",
    "expanded_through": "ditampilkan hingga {day}, batas cakrawala rencana; feed memuat aturan "
                        "tanpa akhir",
    "captions_per_channel": "Caption per kanal", "other_channels": "kanal lainnya",
    "no_occurrence": "Tidak ada jadwal tayang tersisa.",
    "skip_except": "dikecualikan (except)", "skip_holiday": "libur nasional",
    "skip_blackout": "tanggal blackout",
}

_ALL: Mapping[str, Mapping[str, str]] = {"en": _EN, "id": _ID}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Labels:
    """``labels["overview"]`` in the plan's language (English for unknown languages)."""

    def __init__(self, language: str) -> None:
        self.language = language if language in _ALL else "en"
        self._words = _ALL[self.language]

    def __getitem__(self, key: str) -> str:
        return self._words[key]

    def month(self, year: int, month: int) -> str:
        return f"{self._words[f'm{month}']} {year}"

    def number(self, value: int) -> str:
        """A whole number with thousands grouped as the language writes them (12,345 or 12.345)."""
        grouped = f"{value:,}"
        return grouped.replace(",", ".") if self.language == "id" else grouped

    def percent(self, text: str) -> str:
        """A rounded percent (``4.5%``) or decimal with the language's decimal mark (``4.5%`` or
        ``4,5%``), the no-value dash as ``none``."""
        if text == "-":
            return self._words["none"]
        return text.replace(".", ",") if self.language == "id" else text


_FEEDS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "all.title": "{site} — all posts",
        "all.desc": "Every dated post of the plan, on every channel.",
        "channel.title": "{site} — {name}",
        "channel.desc": "Posts planned on {name}.",
        "persona.title": "{site} — persona {name}",
        "persona.desc": "Posts aimed at the persona {name}, on every channel.",
        "campaign.title": "{site} — campaign {name}",
        "campaign.desc": "Posts of the campaign {name} ({start} to {end}).",
        "campaign.undefined": "Posts of the campaign {name}.",
        "author.title": "{site} — posts by {name}",
        "author.desc": "Posts written by {name}, on every channel.",
        "holidays.title": "{site} — national holidays ({name})",
        "holidays.desc": "National holidays ({name}) in the months of the plan.",
        "pillar": "Pillar",
        "status": "Status",
        "personas": "Personas",
        "author": "Author",
    },
    "id": {
        "all.title": "{site} — semua posting",
        "all.desc": "Semua posting bertanggal dalam rencana ini, di semua kanal.",
        "channel.title": "{site} — {name}",
        "channel.desc": "Posting yang direncanakan di {name}.",
        "persona.title": "{site} — persona {name}",
        "persona.desc": "Posting untuk persona {name}, di semua kanal.",
        "campaign.title": "{site} — kampanye {name}",
        "campaign.desc": "Posting kampanye {name} ({start} s.d. {end}).",
        "campaign.undefined": "Posting kampanye {name}.",
        "author.title": "{site} — posting oleh {name}",
        "author.desc": "Posting yang ditulis oleh {name}, di semua kanal.",
        "holidays.title": "{site} — hari libur nasional ({name})",
        "holidays.desc": "Hari libur nasional ({name}) pada bulan-bulan rencana ini.",
        "pillar": "Pilar",
        "status": "Status",
        "personas": "Persona",
        "author": "Penulis",
    },
}


def feed_words(language: str) -> Mapping[str, str]:
    """Feed titles, descriptions and event field names in ``language`` (English if unknown)."""
    return _FEEDS.get(language, _FEEDS["en"])
