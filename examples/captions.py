"""Captions of the Kopi Senja example plan, one per post, written by the (fictional) team.

Keys of :data:`BANKS` are ``(kind, pillar, theme)``: kind ``x``, ``main`` (Instagram+Facebook
photo), ``carousel`` (Instagram), ``fbvideo`` (Facebook), ``reel`` (Instagram+Facebook) or ``li``
(LinkedIn); pillar ``e``/``q``/``s``/``h``; theme ``umum`` or a campaign id. Each entry is used once,
in order. :data:`SPECIALS` pins a caption to one slot (holidays, campaign launches).

An entry may say when it fits: ``wd`` (weekdays, Monday 0), ``months`` or ``hours`` (from, to).
"""

# ruff: noqa: E501  -- a caption stays on one line, as the team writes it, so it can be grepped

from __future__ import annotations

from typing import Any

Entry = dict[str, Any]


def _e(t: str, c: str, **kw: Any) -> Entry:
    return {"t": t, "c": c, **kw}


TOKO = "https://kopisenja.id/toko"

BANKS: dict[tuple[str, str, str], list[Entry]] = {}

BANKS["x", "e", "umum"] = [
    _e("Suhu air seduh", "Air mendidih bikin kopi pahit dan kering di lidah. Diamkan 30 detik setelah mendidih, suhunya turun ke sekitar 92–94 °C. Itu titik paling enak buat seduh manual. ☕"),
    _e("Rasio 1:15", "Bingung takaran? Mulai dari rasio 1:15: 15 g kopi untuk 225 ml air. Terlalu pekat, tambah air. Terlalu tipis, tambah kopi. Catat tiap percobaan, besok pasti lebih pas."),
    _e("Giling sebelum seduh", "Kopi bubuk kehilangan sebagian besar aromanya dalam 15 menit setelah digiling. Kalau bisa, giling tepat sebelum seduh. Grinder manual sudah lebih dari cukup untuk mulai."),
    _e("Blooming", "Kenapa bubuk kopi harus di-bloom? Kopi yang baru disangrai masih menyimpan CO₂. Tuang air dua kali berat kopi, tunggu 30–45 detik, gasnya keluar dan ekstraksi jadi lebih rata."),
    _e("Arabika vs robusta", "Arabika tumbuh di dataran tinggi, rasanya lebih asam-buah dan kafeinnya sekitar separuh robusta. Robusta lebih pahit, tebal, cocok buat kopi susu. Dua-duanya punya tempat di cangkir kita."),
    _e("Simpan biji kopi", "Musuh biji kopi ada empat: udara, cahaya, panas, lembap. Simpan di toples kedap udara, di lemari, jauh dari kompor. Kulkas justru bikin biji menyerap bau dan embun."),
    _e("Tanggal sangrai", "Lihat tanggal sangrai, bukan cuma tanggal kedaluwarsa. Biji paling enak diseduh 7–30 hari setelah disangrai. Di Kopi Senja, tanggal sangrai selalu tercetak di kemasan."),
    _e("Ukuran gilingan", "Patokan gilingan: kasar seperti garam krosok untuk French press, sedang seperti pasir pantai untuk V60, halus seperti gula pasir untuk moka pot, sangat halus untuk espresso."),
    _e("Kopi asam tidak selalu salah", "Asam di kopi bukan asam lambung, melainkan rasa segar seperti jeruk atau apel. Kalau asamnya tajam dan bikin meringis, biasanya gilingan terlalu kasar atau air kurang panas."),
    _e("Pahit berlebih", "Kopi terasa pahit getir? Coba tiga hal: gilingan sedikit lebih kasar, suhu air turun 2 °C, waktu seduh dipersingkat. Ubah satu per satu supaya tahu mana yang berpengaruh."),
    _e("Timbangan dapur", "Alat seduh paling diremehkan: timbangan dapur digital. Satu sendok makan kopi bisa 7 g atau 12 g tergantung gilingannya. Menimbang bikin rasa kopi konsisten tiap hari."),
    _e("Air untuk kopi", "98% secangkir kopi adalah air. Air galon biasa sudah oke. Hindari air RO murni tanpa mineral: kopinya jadi datar. Air keran yang berbau kaporit juga merusak rasa."),
    _e("Tubruk yang lebih bersih", "Kopi tubruk bisa lebih bersih: pakai gilingan sedang, air 93 °C, aduk sekali, tutup cangkir 4 menit, lalu tunggu ampas turun. Jangan diaduk lagi sebelum diminum."),
    _e("Moka pot tidak gosong", "Moka pot sering gosong karena apinya terlalu besar. Isi bagian bawah dengan air panas, pakai api kecil, dan angkat begitu kopi mulai menyembur dan warnanya menguning."),
    _e("Vietnam drip", "Vietnam drip cocok buat yang suka kopi pekat: 20 g kopi gilingan sedang-kasar, tekan ringan, tuang 40 ml air untuk blooming, lalu isi penuh. Tetesan ideal 4–5 menit."),
    _e("Cold brew di rumah", "Cold brew di rumah: 100 g kopi gilingan kasar + 1 liter air matang dingin, rendam 16–18 jam di kulkas, saring dua kali. Tahan sampai 5 hari dalam botol tertutup."),
    _e("Single origin", "Single origin artinya kopi dari satu daerah atau satu kebun, bukan campuran. Rasanya menggambarkan tanah, ketinggian dan cara prosesnya. Blend dibuat supaya rasanya seimbang dan konsisten."),
    _e("Proses natural", "Proses natural: ceri kopi dijemur utuh bersama buahnya sampai kering, baru dikupas. Hasilnya manis dan beraroma buah. Risikonya tinggi: kalau jemurnya tidak rata, rasanya bisa apek."),
    _e("Proses full wash", "Proses full wash: kulit buah dikupas, lendir difermentasi lalu dicuci bersih sebelum dijemur. Rasanya cenderung bersih, ringan, asamnya cerah. Banyak kopi Flores dan Jawa diproses begini."),
    _e("Giling basah", "Giling basah (wet hulled) khas Sumatra: biji dikupas saat masih basah. Hasilnya body tebal, rasa rempah dan tanah. Makanya kopi Sumatra sering terasa berat dan hangat."),
    _e("Ketinggian kebun", "Semakin tinggi kebun, biji matang lebih lambat dan rasanya lebih kompleks. Kopi Kintamani tumbuh di 1.200–1.600 mdpl, Java Preanger kami dari 1.400 mdpl di lereng Gunung Malabar."),
    _e("Tingkat sangrai", "Sangrai terang menonjolkan rasa asli biji: buah, bunga, asam segar. Sangrai gelap memunculkan rasa cokelat, karamel dan pahit. Tidak ada yang lebih benar, yang ada selera."),
    _e("Crema", "Crema tebal belum tentu tanda espresso enak. Crema terbentuk dari CO₂ biji yang baru disangrai. Biji robusta juga cenderung bikin crema tebal. Nilai espresso dari rasanya, bukan busanya."),
    _e("Body kopi", "Sering dengar istilah body? Itu kekentalan kopi di mulut, seperti beda susu murni dan susu rendah lemak. French press menghasilkan body tebal, V60 lebih ringan dan bersih."),
    _e("Aftertaste", "Habis menyeruput, diamkan sebentar. Rasa yang tertinggal di lidah disebut aftertaste. Kopi yang baik meninggalkan rasa manis yang lama, bukan pahit yang menempel."),
    _e("Cupping", "Cupping adalah cara baku mencicipi kopi: bubuk diseduh langsung di mangkuk, kerak dipecah, lalu diseruput keras dari sendok. Seruputan keras menyebarkan kopi ke seluruh lidah."),
    _e("Kopi dan gula", "Mau kurangi gula? Turunkan bertahap, setengah sendok per minggu. Lidah beradaptasi dalam dua sampai tiga minggu, dan rasa manis alami kopi mulai terasa."),
    _e("Kopi susu di rumah", "Kopi susu rumahan: 30 ml kopi pekat (moka pot atau Vietnam drip), 20 ml gula aren cair, 120 ml susu dingin, es batu. Aduk sebelum diminum. Hemat dan rasanya bisa diatur sendiri."),
    _e("Gula aren cair", "Bikin gula aren cair sendiri: 250 g gula aren sisir + 150 ml air + selembar daun pandan, masak api kecil sampai larut, saring. Simpan di kulkas, tahan dua minggu."),
    _e("Kafein", "Rata-rata secangkir kopi seduh 200 ml mengandung sekitar 80–120 mg kafein. Espresso per shot sekitar 60 mg. Cold brew bisa lebih tinggi karena rasionya lebih pekat."),
    _e("Kopi sore hari", "Kafein bertahan di tubuh sekitar 5 jam. Kalau susah tidur, coba batasi kopi terakhir sebelum pukul 14.00. Sore hari, seduh decaf atau teh rempah."),
    _e("Kertas filter", "Bilas kertas filter V60 dengan air panas sebelum dipakai. Bau kertasnya hilang dan server ikut hangat. Buang air bilasannya sebelum mulai menyeduh."),
    _e("Pouring pelan", "Tuang air pelan dan melingkar dari tengah ke luar, jangan mengenai dinding filter. Air yang langsung lewat dinding melewatkan bubuk kopi dan bikin seduhan tipis."),
    _e("Drawdown", "Waktu total seduh V60 yang ideal 2,5–3,5 menit. Lebih dari 4 menit biasanya gilingan terlalu halus. Kurang dari 2 menit, gilingan terlalu kasar."),
    _e("Biji pecah", "Biji cacat seperti pecah, berlubang atau berjamur bikin rasa kopi kotor. Kopi spesialti disortir sampai cacatnya di bawah batas standar SCA. Di roastery, kami sortir ulang dengan tangan."),
    _e("Peaberry", "Peaberry (lanang) adalah biji tunggal bulat dalam satu ceri, padahal biasanya ada dua. Jumlahnya cuma sekitar 5% panen. Banyak yang menganggap rasanya lebih padat."),
    _e("Kopi luwak", "Fakta kopi luwak: rasa unik bukan dari luwaknya, tapi dari fermentasi. Banyak luwak dikurung dan dipaksa makan ceri. Kami tidak menjual kopi luwak karena alasan ini."),
    _e("Varietas Sigarar Utang", "Sigarar Utang adalah varietas arabika dari Sumatra Utara. Namanya berarti 'pelunas utang' karena cepat berbuah. Rasanya cenderung manis dengan asam lembut."),
    _e("Musim panen", "Panen kopi Indonesia tidak serentak. Gayo dan Toraja panen raya sekitar Oktober–Desember, Jawa Barat Mei–Agustus, Flores Juni–September. Kopi terbaik datang bergiliran."),
    _e("Rasa cokelat", "Catatan rasa 'cokelat' di kemasan bukan berarti ada cokelat di dalamnya. Itu kesan rasa dari senyawa hasil sangrai, mirip anggur yang bisa terasa seperti ceri."),
    _e("French press", "French press: 15 g kopi gilingan kasar, 250 ml air 94 °C, aduk, tutup, tunggu 4 menit. Tekan pelan. Tuang semua ke cangkir supaya ekstraksi berhenti."),
    _e("AeroPress", "AeroPress cocok buat kos dan traveling: ringan, tahan banting, hasilnya bersih. Coba resep terbalik: 15 g kopi, 220 ml air 90 °C, aduk, tunggu 1,5 menit, tekan 30 detik."),
    _e("Espresso di rumah", "Belum punya mesin espresso? Moka pot menghasilkan kopi pekat mendekati espresso untuk kopi susu. Bedanya di tekanan: moka pot 1–1,5 bar, mesin espresso sekitar 9 bar."),
    _e("Susu untuk kopi", "Susu full cream paling mudah di-foam karena lemak dan proteinnya pas. Susu oat barista edition juga stabil. Panaskan susu sampai 60–65 °C saja, lebih dari itu rasa manisnya hilang."),
    _e("Kopi basi", "Kopi seduh yang dibiarkan di teko panas lebih dari 30 menit rasanya berubah pahit dan asam. Kalau mau dinikmati pelan-pelan, simpan di termos yang sudah dihangatkan."),
    _e("Decaf", "Decaf bukan berarti nol kafein: masih ada sekitar 2–5 mg per cangkir. Proses Swiss Water menghilangkan 99,9% kafein hanya dengan air, tanpa pelarut kimia."),
    _e("Kelembapan biji", "Biji hijau kopi yang siap disangrai punya kadar air 10–12%. Terlalu basah, rawan jamur. Terlalu kering, rasanya hambar. Petani mitra kami mengukurnya dengan moisture meter."),
    _e("Jarak sangrai dan seduh", "Kopi yang baru disangrai kemarin justru belum enak: gasnya masih banyak, seduhan bergelembung dan rasanya tajam. Beri jeda istirahat 5–7 hari untuk seduh manual."),
    _e("Menyeduh untuk banyak orang", "Menyeduh untuk enam orang? Pakai French press besar atau V60 ukuran 02 dengan 45 g kopi dan 700 ml air, tuang dalam empat tahap. Rasanya tetap rapi."),
    _e("Mencicipi dua kopi", "Cara cepat melatih lidah: seduh dua kopi berbeda dengan resep yang sama, cicipi bergantian saat hangat dan saat sudah dingin. Bedanya makin jelas ketika kopi mendingin."),
    _e("Rumus kopi kental", "Kopi terlalu encer padahal takarannya benar? Cek gilingan. Bubuk yang terlalu kasar membuat air lewat cepat dan ekstraksinya kurang. Haluskan satu klik dulu."),
    _e("Rasio kopi susu", "Kopi susu terasa kemanisan atau hambar? Rasio awal yang enak: 1 bagian kopi pekat, 4 bagian susu. Kalau kopinya dari V60, naikkan jadi 1:2 karena seduhannya lebih ringan."),
    _e("Menghangatkan cangkir", "Trik kecil barista: hangatkan cangkir dengan air panas sebelum kopi dituang. Kopi tidak cepat dingin dan aromanya lebih lama tercium."),
    _e("Membersihkan grinder", "Grinder juga perlu dibersihkan. Minyak kopi yang menempel di burr lama-lama jadi tengik dan ikut ke seduhan. Sikat kering setiap minggu, bongkar bersih sebulan sekali."),
]

BANKS["x", "q", "umum"] = [
    _e("Pagi dimulai dari cangkir", "Hari yang panjang dimulai dari cangkir yang hangat. Selamat pagi, teman-teman. ☕", hours=(5, 11)),
    _e("Kopi dan obrolan", "Kopi paling enak biasanya bukan yang paling mahal, tapi yang diminum sambil ngobrol tanpa melihat jam."),
    _e("Senin pelan-pelan", "Senin boleh pelan. Seduh dulu, baru kejar target.", wd=[0]),
    _e("Hujan dan kopi", "Bandung hujan lagi. Waktunya seduhan panas dan playlist yang tenang. 🌧️"),
    _e("Secangkir untuk diri sendiri", "Sebelum mengurus semua orang, seduh satu cangkir untuk diri sendiri dulu."),
    _e("Kerja keras petani", "Di balik setiap cangkir ada tangan yang memetik ceri satu per satu. Mari minum dengan lebih menghargai."),
    _e("Jumat sore", "Jumat sore: kopi terakhir minggu ini, sebelum akhir pekan yang lebih santai.", wd=[4], hours=(12, 19)),
    _e("Kopi dingin", "Kopi yang sudah dingin tetap kopi yang sama. Kadang justru rasanya lebih jujur."),
    _e("Kutipan Dee", "\"Kopi yang baik adalah kopi yang membuatmu ingin berbincang.\" Kamu setuju?"),
    _e("Akhir pekan", "Akhir pekan adalah alasan untuk menyeduh lebih lama dan menikmati lebih pelan.", wd=[5, 6]),
    _e("Belajar menyeduh", "Setiap seduhan gagal adalah pelajaran. Barista terbaik pun pernah bikin kopi yang pahit."),
    _e("Aroma pagi", "Ada yang lebih membangunkan dari alarm: aroma kopi yang baru digiling."),
    _e("Rasa yang berubah", "Lidah kita terus belajar. Kopi yang dulu terasa aneh bisa jadi favorit tahun depan."),
    _e("Satu cangkir lagi", "Deadline menumpuk? Tarik napas, seduh satu cangkir, kerjakan satu per satu."),
    _e("Minggu sore", "Minggu sore, seduh decaf, rencanakan minggu depan dengan kepala dingin.", wd=[6], hours=(12, 19)),
    _e("Kopi dan rumah", "Rumah itu tempat di mana seseorang tahu kopimu pakai gula atau tidak."),
    _e("Sabar menunggu tetesan", "Kopi mengajarkan sabar: tetesan terakhir butuh waktu, dan biasanya paling manis."),
    _e("Cerita di meja kopi", "Banyak ide besar lahir di meja kopi kecil. Apa ide yang muncul saat kamu ngopi minggu ini?"),
    _e("Kopi tanpa terburu-buru", "Hidup sudah cukup cepat. Setidaknya kopinya jangan diburu-buru."),
    _e("Gerimis Desember", "Desember, gerimis, dan secangkir kopi hangat. Pelan-pelan saja menutup tahun.", months=[12]),
    _e("Syukur kecil", "Bersyukur untuk hal kecil: air panas yang cukup, kopi yang pas, dan pagi yang tenang.", hours=(5, 11)),
    _e("Kopi untuk teman", "Cara paling sederhana bilang peduli: \"Aku seduhin kopi, ya?\""),
    _e("Rehat siang", "Rehat siang bukan tanda malas. Kepala yang segar bekerja lebih baik.", hours=(11, 15)),
]

BANKS["x", "s", "umum"] = [
    _e("Roastery pagi ini", "Pagi ini di roastery: 60 kg Java Preanger baru keluar dari mesin sangrai. Aromanya sampai ke Jalan Cihapit. Siap dikemas besok pagi. ☕", p=["pekerja-kantoran"], hours=(5, 11)),
    _e("Ulasan pelanggan Toraja", "\"Toraja Sapan kalian rasanya kayak kayu manis dan gula merah, enak banget buat pagi.\" — Kak Nadia, Bekasi. Terima kasih sudah berbagi, Kak. 🙏"),
    _e("Kelas seduh Sabtu", "Kelas seduh manual Sabtu ini tinggal 3 kursi. Dua jam belajar V60, tubruk dan Vietnam drip bareng barista kami di kedai Cihapit. Tanya-tanya dulu boleh lewat DM.", wd=[0, 1, 2, 3]),
    _e("Drip bag untuk kantor", "Pertanyaan yang sering masuk: drip bag kami tahan berapa lama? Enam bulan dalam kemasan tertutup nitrogen. Satu kotak isi 10, pas buat laci meja kantor."),
    _e("Di balik kemasan", "Kenapa kemasan kami pakai katup satu arah? Biar gas CO₂ dari biji bisa keluar tanpa udara masuk. Kecil, tapi menjaga kopi tetap segar sampai di rumah Kakak."),
    _e("Playlist kedai", "Kedai Cihapit sekarang punya playlist sendiri di Spotify: 'Senja di Cihapit'. Isinya lagu-lagu yang diputar barista kami tiap sore. Link di bio."),
    _e("Pertanyaan rasa favorit", "Kalau harus pilih satu buat seminggu ke depan: Java Preanger yang manis-nutty atau Flores Bajawa yang cerah-cokelat? Jawab di balasan ya."),
    _e("Tim packing", "Tim packing kami kemarin mengirim 214 paket. Setiap paket dicek dua kali dan diberi kartu kecil tulisan tangan. Terima kasih sudah menunggu, teman-teman."),
]

BANKS["x", "h", "umum"] = [
    _e("Gratis ongkir Bandung", f"Setiap Rabu ongkir gratis untuk pengiriman se-Bandung Raya. Pesan biji atau drip bag sebelum pukul 14.00, dikirim hari itu juga. {TOKO}", link=TOKO, wd=[2]),
    _e("Bundel drip bag", f"Bundel Pagi Kantor: 2 kotak drip bag (20 sachet) Rp135.000, hemat Rp15.000. Cocok buat stok sebulan di meja kerja. Beli di {TOKO}/bundel-pagi", link=f"{TOKO}/bundel-pagi"),
    _e("Promo gajian", f"Gajian sudah masuk? Sampai 28 November semua biji 200 g potongan 15% dengan kode GAJIAN15. Order di {TOKO}", link=TOKO),
    _e("Cold brew akhir pekan", f"Cold brew botol 250 ml beli 3 gratis 1, khusus akhir pekan ini di kedai Cihapit dan pesan antar GoFood. Klik untuk pesan: {TOKO}/cold-brew", link=f"{TOKO}/cold-brew", wd=[4, 5]),
]

GAYO = f"{TOKO}/gayo-wine"

BANKS["x", "s", "rilis-gayo-wine"] = [
    _e("Gayo Wine datang", "Karung Gayo dari Koperasi Ketiara sudah tiba di roastery. Ceri kopinya difermentasi utuh 30 hari sebelum dijemur. Hasil sangrai pertama: anggur merah, nangka, cokelat hitam. 🍇", tags=["gayo-wine"]),
    _e("Kenalan dengan Ketiara", "Koperasi Ketiara di Takengon beranggotakan lebih dari 1.000 petani, sekitar 40% di antaranya perempuan. Gayo Wine Process edisi ini berasal dari kebun Bu Rahmah di 1.500 mdpl.", tags=["gayo-wine"]),
    _e("Catatan rasa Gayo Wine", "Yang sudah mencicipi Gayo Wine di kedai kemarin bilang: \"seperti minum jus anggur hangat, tapi tetap kopi.\" Hari ini masih ada sesi cicip gratis pukul 15.00–17.00 di Cihapit.", tags=["gayo-wine"]),
    _e("Resep seduh Gayo Wine", "Resep andalan barista untuk Gayo Wine: V60, 15 g kopi, 240 ml air 91 °C, gilingan sedang. Jangan terlalu panas supaya rasa buahnya tidak tertutup.", tags=["gayo-wine", "resep"]),
    _e("Pertanyaan Gayo Wine", "Banyak yang tanya: Gayo Wine pakai alkohol? Tidak sama sekali. Rasa seperti anggur muncul dari fermentasi alami ceri kopi, bukan tambahan apa pun.", tags=["gayo-wine"]),
    _e("Foto seduhan pelanggan", "Foto-foto seduhan Gayo Wine dari teman-teman bikin tim kami senyum seharian. Terima kasih sudah menandai @kopisenja. Kami repost beberapa di story ya.", tags=["gayo-wine"]),
    _e("Gayo Wine di kedai malam ini", "Malam ini Gayo Wine Process juga tersedia sebagai seduh manual di kedai Cihapit sampai pukul 22.00. Satu cangkir, catatan rasanya langsung dijelaskan barista. 🍇", tags=["gayo-wine"], hours=(17, 22)),
]

BANKS["x", "h", "rilis-gayo-wine"] = [
    _e("Pre-order Gayo Wine berjalan", f"Pre-order Gayo Wine Process masih dibuka sampai Minggu. Harga pre-order Rp129.000 (normal Rp145.000), dikirim mulai 16 November. Pesan di {GAYO}", link=GAYO, tags=["gayo-wine"]),
    _e("Gayo Wine dikirim", f"Gayo Wine Process gelombang pertama sudah dikirim sejak Senin. Yang belum kebagian pre-order: stok reguler tersedia, 200 g Rp145.000. Beli di {GAYO}", link=GAYO, tags=["gayo-wine"]),
    _e("Stok Gayo Wine menipis", f"Gayo Wine Process tersisa 48 pak dan tidak diproduksi ulang tahun ini. Kalau sudah lama penasaran, ini minggu terakhirnya. Order di {GAYO}", link=GAYO, tags=["gayo-wine"]),
]

H12 = f"{TOKO}/harbolnas"

BANKS["x", "s", "harbolnas-1212"] = [
    _e("Persiapan gudang Harbolnas", "Gudang kecil kami sedang penuh-penuhnya: 1,2 ton biji siap disangrai bertahap supaya setiap pesanan Harbolnas tetap dikirim paling lama tujuh hari setelah sangrai.", tags=["harbolnas"]),
    _e("Paket Kerja dari Rumah", "Paket Kerja dari Rumah lahir dari pertanyaan pelanggan: \"ada yang praktis buat WFH?\" Isinya 2 kotak drip bag dan tumbler 350 ml yang muat di tas laptop.", tags=["harbolnas"]),
    _e("Paket terjauh 12 Hari Ngopi", "Paket terjauh 12 Hari Ngopi tahun ini menuju Sorong, Papua Barat Daya. Berangkat kemarin, semoga sampai sebelum 12.12. Salam hangat dari Bandung, Kak Yohana. 🙌", tags=["harbolnas"]),
]

BANKS["x", "h", "harbolnas-1212"] = [
    _e("12 Hari Ngopi hari ketiga", f"12 Hari Ngopi, hari ke-3: Flores Bajawa 200 g potongan 12% hari ini saja, jadi Rp92.400. Beli di {H12}", link=H12, tags=["harbolnas"]),
    _e("12 Hari Ngopi hari kelima", f"Hari ke-5: drip bag isi 10 jadi Rp66.000 sampai pukul 23.59. Stok kantor aman sampai tahun baru. Order di {H12}", link=H12, tags=["harbolnas"]),
    _e("Toraja Sapan di hari kesembilan", f"Hari ke-9: Toraja Sapan 200 g potongan 12%. Tiga hari lagi menuju 12.12, keranjang boleh diisi dari sekarang. Klik {H12}", link=H12, tags=["harbolnas"]),
]

HAMPERS = f"{TOKO}/hampers"

BANKS["x", "s", "akhir-tahun"] = [
    _e("Isi Hampers Senja Kecil", "Isi Hampers Senja Kecil: Java Preanger dan Flores Bajawa 100 g, lima drip bag, kartu ucapan. Ukurannya pas di meja kerja dan tidak perlu alat seduh.", tags=["hampers"]),
    _e("Hampers untuk tim", "Sebuah startup di Jakarta memesan 60 hampers untuk timnya dengan kartu berisi nama tiap karyawan. Kami suka sekali ide sederhana seperti ini.", tags=["hampers"]),
    _e("Kartu tulisan tangan", "Setiap hampers akhir tahun kami beri kartu yang ditulis tangan oleh tim. Tahun ini sudah lebih dari 300 kartu. Pegal, tapi senang membayangkan siapa yang membacanya.", tags=["hampers"]),
    _e("Sangrai untuk hampers", "Biji di hampers kami sangrai paling lama tujuh hari sebelum dikirim. Jadi saat dibuka di malam Natal atau tahun baru, aromanya masih segar.", tags=["hampers"]),
    _e("Ucapan di hampers", "Bingung menulis ucapan di kartu hampers? Tulis satu kenangan kecil bersama penerimanya. Itu selalu lebih berkesan dari kalimat panjang.", tags=["hampers"]),
    _e("Hampers keluarga sampai", "Kiriman foto hampers yang sudah sampai mulai berdatangan. Ada yang dibuka bersama keluarga besar di Medan, ada yang jadi kado tukar kado kantor. Terima kasih sudah berbagi.", tags=["hampers"]),
]

BANKS["x", "h", "akhir-tahun"] = [
    _e("Batas pesan hampers Natal", f"Pengingat: batas pemesanan hampers untuk sampai sebelum Natal adalah Minggu, 20 Desember. Pesan di {HAMPERS}", link=HAMPERS, tags=["hampers"]),
    _e("Hampers Senja Keluarga", f"Hampers Senja Keluarga: 3 biji 200 g + moka pot 3 cup + kartu ucapan, Rp520.000. Kado yang dipakai setiap pagi. Beli di {HAMPERS}", link=HAMPERS, tags=["hampers"]),
    _e("Hampers tahun baru", f"Hampers untuk tahun baru masih bisa dipesan sampai 28 Desember, dikirim sebelum 31 Desember untuk Jawa. Order di {HAMPERS}", link=HAMPERS, tags=["hampers"]),
    _e("Sisa stok moka pot", f"Moka pot untuk Hampers Senja Keluarga tersisa 25 unit. Setelah itu hampers keluarga diganti French press. Klik {HAMPERS} untuk pesan.", link=HAMPERS, tags=["hampers"]),
]

BANKS["main", "e", "umum"] = [
    _e("Panduan V60 untuk pemula", """
Baru punya V60 dan hasilnya belum konsisten? Coba resep dasar kami dulu, baru bereksperimen.

15 g kopi, gilingan sedang seperti pasir pantai
250 ml air 92 °C
Blooming 30 ml, tunggu 40 detik
Tuang sisanya dalam tiga tahap sampai 250 ml
Total waktu sekitar 3 menit

Simpan postingan ini buat seduhan besok pagi. ☕

#KopiSenja #SeduhManual #V60
""", p=["mahasiswa-ngopi"], tags=["resep"]),
    _e("Mengenal Java Preanger", """
Preanger adalah sebutan lama untuk dataran tinggi Priangan, Jawa Barat. Sejak abad ke-18 kopi dari sini dikirim ke Eropa dan namanya jadi legenda.

Java Preanger kami tumbuh di lereng Gunung Malabar, 1.400 mdpl, dipetik oleh kelompok tani Rahayu di Pangalengan. Rasanya manis gula aren, kacang sangrai, dengan asam jeruk yang lembut.

Sudah pernah coba kopi dari tanah Priangan, Kak?

#KopiSenja #KopiNusantara #JavaPreanger
""", tags=["asal-usul"]),
    _e("Cara menyimpan kopi", """
Biji kopi terbaik pun bisa cepat hambar kalau salah simpan. Empat aturan sederhana:

1. Wadah kedap udara dan tidak tembus cahaya
2. Suhu ruang, jauh dari kompor dan jendela
3. Jangan di kulkas: biji menyerap bau dan embun
4. Beli secukupnya untuk 2–4 minggu

Kemasan Kopi Senja sudah punya katup satu arah dan klip. Cukup tekan udaranya keluar dan tutup rapat.

#KopiSenja #TipsKopi #KopiBandung
""", tags=["penyimpanan"]),
    _e("Apa itu specialty coffee", """
"Kopi spesialti" bukan sekadar label mahal. Kopi disebut spesialti kalau mendapat nilai cupping minimal 80 dari 100 menurut standar Specialty Coffee Association, dengan cacat biji yang sangat sedikit.

Artinya ada kerja panjang: petik merah saja, proses rapi, sortir berulang, sangrai terukur. Semua biji Kopi Senja dicicipi tim kami sebelum dijual.

#KopiSenja #SpecialtyCoffee #KopiNusantara
""", tags=["pengetahuan"]),
    _e("Peta rasa kopi Indonesia", """
Satu negara, rasa kopinya berbeda-beda:

Gayo, Aceh: rempah, cokelat hitam, body tebal
Java Preanger: gula aren, kacang, asam jeruk lembut
Kintamani, Bali: jeruk, bunga, ringan
Toraja: kayu manis, gula merah, herbal
Flores Bajawa: cokelat, vanila, manis

Kakak tim yang mana? Tulis di kolom komentar.

#KopiSenja #KopiNusantara #PetaRasa
""", tags=["asal-usul"]),
    _e("Tubruk yang naik kelas", """
Kopi tubruk adalah cara seduh paling jujur: bubuk, air panas, cangkir. Dengan sedikit penyesuaian, hasilnya bisa jauh lebih bersih.

Gilingan sedang, bukan halus
Air 93 °C, bukan mendidih
Aduk sekali, tutup cangkir 4 menit
Biarkan ampas turun sebelum diminum

Yang biasa minum tubruk di rumah, coba resep ini besok pagi.

#KopiSenja #KopiTubruk #SeduhDiRumah
""", p=["penyeduh-rumahan"], tags=["resep"]),
    _e("Perjalanan ceri ke cangkir", """
Sebelum sampai di cangkir, kopi melewati perjalanan panjang:

Ceri merah dipetik tangan
Diproses: natural, honey atau full wash
Dijemur 2–4 minggu
Dikupas, disortir, dikarungkan
Dikirim ke roastery dan disangrai
Diistirahatkan beberapa hari, lalu dikemas

Setiap tahap menentukan rasa. Itulah kenapa kami bekerja langsung dengan petani.

#KopiSenja #DariKebunKeCangkir #KopiNusantara
""", tags=["asal-usul"]),
    _e("Moka pot tanpa gosong", """
Moka pot sering dituduh bikin kopi pahit, padahal biasanya karena apinya terlalu besar.

Isi bagian bawah dengan air panas sampai di bawah katup
Kopi gilingan halus, ratakan tanpa ditekan
Api kecil, tutup terbuka
Angkat saat kopi mulai menyembur dan warnanya menguning
Rendam bagian bawah di air dingin supaya ekstraksi berhenti

Hasilnya pekat dan manis, pas untuk kopi susu rumahan.

#KopiSenja #MokaPot #SeduhDiRumah
""", p=["penyeduh-rumahan"], tags=["resep"]),
    _e("Membaca label kemasan", """
Label kemasan kopi spesialti memuat banyak informasi. Cara membacanya:

Asal: daerah dan kebun atau koperasi
Ketinggian: makin tinggi biasanya makin kompleks
Varietas: misalnya Typica, Sigarar Utang, S795
Proses: natural, honey, full wash, giling basah
Tanggal sangrai: paling penting untuk kesegaran
Catatan rasa: kesan rasa, bukan perisa tambahan

Tandai teman yang masih beli kopi hanya dari warna kemasannya. 😄

#KopiSenja #TipsKopi #SpecialtyCoffee
""", tags=["pengetahuan"]),
    _e("Proses honey", """
Proses honey tidak memakai madu sama sekali. Namanya datang dari lendir buah kopi yang lengket seperti madu saat biji dijemur.

Kulit dikupas, tapi sebagian lendir dibiarkan menempel. Hasilnya manis seperti proses natural, tetapi tetap bersih seperti full wash.

Kintamani Honey kami contohnya: manis jeruk bali, gula tebu, sedikit melati.

#KopiSenja #ProsesKopi #KopiNusantara
""", tags=["proses"]),
    _e("Kopi susu rumahan hemat", """
Kopi susu gula aren di rumah, tanpa mesin espresso:

30 ml kopi pekat dari moka pot atau Vietnam drip
20 ml gula aren cair
120 ml susu segar dingin
Es batu secukupnya

Biaya per gelas sekitar Rp7.000. Kalau dihitung sebulan, lumayan untuk tabungan liburan.

#KopiSenja #KopiSusu #SeduhDiRumah
""", p=["mahasiswa-ngopi", "pekerja-kantoran"], tags=["resep"]),
    _e("Mengapa kopi perlu istirahat", """
Biji yang baru keluar dari mesin sangrai justru belum siap diseduh. Di dalamnya masih banyak gas CO₂ yang membuat ekstraksi tidak rata dan rasanya tajam.

Untuk seduh manual: istirahatkan 5–7 hari
Untuk espresso: 10–14 hari

Itu sebabnya kami mencantumkan tanggal sangrai, bukan hanya tanggal kedaluwarsa.

#KopiSenja #TipsKopi #KopiBandung
""", tags=["pengetahuan"]),
    _e("Asam di kopi", """
"Kopinya asam, pasti basi." Belum tentu, Kak.

Asam yang baik terasa segar dan manis seperti jeruk atau apel hijau, lalu hilang dengan bersih. Itu tanda kopi dataran tinggi yang disangrai dengan terang.

Asam yang tajam dan menusuk biasanya karena ekstraksi kurang: gilingan terlalu kasar atau air kurang panas. Coba haluskan satu tingkat.

#KopiSenja #TipsKopi #SeduhManual
""", tags=["pengetahuan"]),
    _e("Menyeduh untuk tamu", """
Musim kumpul keluarga sudah dekat. Menyeduh untuk banyak orang tidak harus repot:

French press 1 liter: 60 g kopi gilingan kasar, 900 ml air 94 °C, 4 menit
Siapkan gula dan susu terpisah, biar tamu memilih sendiri
Hangatkan cangkir dengan air panas dulu

Tamu yang tidak biasa minum kopi hitam biasanya cocok dengan Java Preanger karena manis dan tidak terlalu asam.

#KopiSenja #SeduhDiRumah #KopiBandung
""", p=["penyeduh-rumahan"], tags=["resep"], months=[12]),
    _e("Air dan rasa kopi", """
Hampir seluruh isi cangkir kopi adalah air. Jadi air ikut menentukan rasa.

Air galon isi ulang atau air mineral kemasan: aman
Air RO tanpa mineral: kopi terasa datar
Air keran berbau kaporit: aromanya rusak
Air sumur yang keruh: rasa tanah dan besi

Eksperimen kecil: seduh kopi yang sama dengan dua air berbeda, rasakan bedanya.

#KopiSenja #TipsKopi #SeduhManual
""", tags=["pengetahuan"]),
    _e("Kopi untuk pagi Desember", """
Desember di Bandung berarti pagi yang dingin dan hujan hampir setiap sore. Seduhan yang cocok menurut barista kami:

Pagi: Toraja Sapan dengan French press, body tebal dan hangat rempah
Siang: Kintamani di V60, segar supaya tidak mengantuk
Malam: decaf dengan susu hangat

Seduhan Kakak di musim hujan apa?

#KopiSenja #KopiBandung #MusimHujan
""", tags=["rekomendasi"], months=[12]),
    _e("Gilingan dan alat seduh", """
Satu biji kopi, lima ukuran gilingan, lima rasa berbeda.

Sangat halus: espresso
Halus: moka pot, tubruk pekat
Sedang: V60, drip
Sedang-kasar: Vietnam drip, Chemex
Kasar: French press, cold brew

Kalau beli bubuk di Kopi Senja, sebutkan alat seduhnya di catatan pesanan. Kami giling sesuai alat Kakak.

#KopiSenja #SeduhManual #TipsKopi
""", tags=["pengetahuan"]),
]

BANKS["carousel", "e", "umum"] = [
    _e("Lima kesalahan seduh manual", """
Geser untuk lima kesalahan yang paling sering kami lihat di kelas seduh manual, dan cara memperbaikinya:

1. Air mendidih langsung dituang
2. Tidak menimbang kopi dan air
3. Lupa blooming
4. Menuang ke dinding filter
5. Memakai bubuk yang digiling minggu lalu

Nomor berapa yang masih sering Kakak lakukan? 😄

#KopiSenja #SeduhManual #TipsKopi
""", p=["mahasiswa-ngopi"], tags=["seduh-manual"]),
    _e("Kenalan dengan varietas arabika", """
Geser untuk kenalan dengan lima varietas arabika yang tumbuh di Indonesia: Typica, Abyssinia, Sigarar Utang, S795 dan Lini S.

Varietas ibarat jenis mangga: harum manis dan gedong gincu sama-sama mangga, tapi rasanya berbeda. Begitu juga kopi.

#KopiSenja #KopiNusantara #VarietasKopi
""", tags=["asal-usul"]),
    _e("Panduan rasio kopi", """
Simpan slide ini: rasio kopi dan air untuk setiap alat seduh.

V60: 1:15
French press: 1:15
AeroPress: 1:14
Vietnam drip: 1:8
Moka pot: 1:7
Cold brew: 1:10

Angka ini titik awal. Setelah itu sesuaikan dengan selera.

#KopiSenja #SeduhManual #RasioKopi
""", p=["mahasiswa-ngopi", "penyeduh-rumahan"], tags=["seduh-manual"]),
    _e("Roda rasa kopi", """
Pernah lihat roda rasa kopi (flavor wheel)? Geser untuk cara memakainya: mulai dari tengah (buah, manis, cokelat, kacang) lalu bergerak ke luar sampai rasa yang lebih spesifik.

Latihan minggu ini: seduh kopi favorit Kakak dan temukan tiga rasanya di roda ini.

#KopiSenja #FlavorWheel #TipsKopi
""", tags=["pengetahuan"]),
]

BANKS["fbvideo", "e", "umum"] = [
    _e("Video tubruk tiga menit", """
Tiga menit untuk kopi tubruk yang lebih bersih dan tidak bikin ampas ikut terminum. Resep lengkapnya ada di video. Siapa yang masih suka tubruk untuk pagi hari? ☕
""", p=["penyeduh-rumahan"], tags=["resep"]),
    _e("Video cara pakai moka pot", """
Banyak yang bertanya di grup: kenapa kopi moka pot saya pahit sekali? Di video ini barista kami, Bagus, menunjukkan cara memakai moka pot dengan api kecil supaya hasilnya manis dan pekat.
""", p=["penyeduh-rumahan"], tags=["resep"]),
    _e("Video memilih grinder", """
Grinder manual atau elektrik? Di video ini kami bandingkan tiga grinder yang sering dipakai di rumah: kecepatan, hasil gilingan dan harganya. Tidak perlu mahal untuk mulai.
""", tags=["alat"]),
    _e("Video kopi gula aren", """
Resep kopi susu gula aren yang sering diminta di kolom komentar, dari membuat gula aren cair sampai menuang susunya. Cocok untuk jualan rumahan atau suguhan tamu.
""", p=["penyeduh-rumahan"], tags=["resep"]),
]

BANKS["main", "q", "umum"] = [
    _e("Pagi di kedai Cihapit", """
"Pagi terasa lebih ringan setelah tegukan pertama."

Selamat hari Jumat, teman-teman. Semoga kopinya hangat dan urusannya lancar. ☕

#KopiSenja #KopiPagi
"""),
    _e("Kopi dan percakapan", """
Cangkir boleh kosong, ceritanya jangan.

Terima kasih untuk semua yang menghabiskan sore di kedai kami minggu ini.

#KopiSenja #KopiBandung
"""),
    _e("Hargai prosesnya", """
"Hal baik butuh waktu: ceri yang matang, biji yang dijemur, kopi yang diseduh pelan."

Selamat akhir pekan.

#KopiSenja #KopiNusantara
"""),
    _e("Musim hujan tiba", """
Hujan turun, jalanan sepi, aroma kopi memenuhi kedai.

Ada yang lebih nyaman dari ini?

#KopiSenja #MusimHujan #KopiBandung
"""),
    _e("Kopi pelan Desember", """
Desember: menutup tahun pelan-pelan, satu cangkir demi satu cangkir.

Terima kasih sudah menemani kami sepanjang tahun.

#KopiSenja #AkhirTahun
""", months=[12]),
]

BANKS["main", "s", "umum"] = [
    _e("Di balik mesin sangrai", """
Setiap Selasa dan Jumat, mesin sangrai kami menyala sejak pukul lima pagi. Satu batch 12 kg butuh sekitar 13 menit, dan Kang Ujang mencatat suhu setiap 30 detik.

Kenapa serepot itu? Supaya Java Preanger yang Kakak beli bulan ini rasanya sama dengan bulan lalu.

Mau lihat proses sangrainya langsung? Roastery kami terbuka untuk kunjungan setiap Sabtu pukul 10.00.

#KopiSenja #DiBalikLayar #KopiBandung
""", tags=["roastery"]),
    _e("Cerita pelanggan pertama", """
Pak Asep sudah membeli Java Preanger dari kami sejak 2019, ketika Kopi Senja masih berjualan dari garasi rumah di Cihapit. Setiap dua minggu, 500 g, gilingan tubruk.

"Sudah coba banyak kopi, tapi yang ini rasanya seperti kopi di kampung dulu, cuma lebih bersih," katanya.

Terima kasih sudah tumbuh bersama kami, Pak Asep. ☕

#KopiSenja #CeritaPelanggan
""", p=["penyeduh-rumahan"], tags=["testimoni"]),
    _e("Menu baru kedai Cihapit", """
Menu baru di kedai Cihapit: Es Kopi Senja Pandan.

Espresso Senja Blend, susu segar, gula aren, dan sirup pandan buatan dapur kami sendiri. Manisnya pas, wangi pandannya lembut, tidak seperti perisa.

Sudah bisa dipesan mulai hari ini, juga lewat GoFood dan GrabFood. Siapa yang mau jadi pencicip pertama?

#KopiSenja #KopiBandung #MenuBaru
""", p=["mahasiswa-ngopi", "pekerja-kantoran"], tags=["kedai"]),
    _e("Kemasan baru yang bisa didaur ulang", """
Mulai Desember, kemasan 200 g kami beralih ke bahan mono-material yang bisa didaur ulang. Bentuknya sama, katup satu arah tetap ada, tapi sampahnya tidak lagi berakhir di TPA.

Kemasan lama yang masih ada di rumah? Bawa ke kedai Cihapit, kami kumpulkan dan salurkan ke bank sampah Bandung.

#KopiSenja #KemasanRamahLingkungan
""", tags=["keberlanjutan"]),
]

BANKS["main", "h", "umum"] = [
    _e("Bundel seduh pemula", f"""
Mau mulai menyeduh sendiri tapi bingung alatnya? Bundel Seduh Pemula isinya sudah lengkap:

V60 plastik 02 + 40 lembar kertas filter
Java Preanger 200 g, digiling sesuai V60
Kartu resep dari barista kami

Rp189.000, hemat Rp36.000 dibanding beli satu per satu. Pesan lewat tautan di bio atau {TOKO}/bundel-pemula

#KopiSenja #SeduhManual
""", p=["mahasiswa-ngopi"], link=f"{TOKO}/bundel-pemula", tags=["bundel"]),
    _e("Promo gajian November", f"""
Gajian, saatnya isi ulang stok kopi.

Sampai Sabtu, 28 November: semua biji 200 g potongan 15% dengan kode GAJIAN15, dan drip bag isi 10 jadi Rp68.000.

Klik tautan di bio atau buka {TOKO} untuk pesan. Pesanan sebelum pukul 14.00 dikirim hari ini.

#KopiSenja #PromoGajian
""", p=["pekerja-kantoran"], link=TOKO, tags=["promo"]),
]

BANKS["main", "s", "rilis-gayo-wine"] = [
    _e("Bu Rahmah dan kebunnya", """
Kenalkan Bu Rahmah, petani di Kampung Kenawat, Takengon. Kebunnya 1,2 hektare di ketinggian 1.500 mdpl, ditanami Gayo 1 dan Ateng Super di bawah naungan pohon lamtoro.

Bu Rahmah yang pertama kali mengusulkan mencoba fermentasi 30 hari. "Dulu dianggap aneh," katanya sambil tertawa. Hasilnya adalah Gayo Wine Process yang sekarang sampai di cangkir Kakak.

#KopiSenja #GayoWine #PetaniKopi
""", tags=["gayo-wine", "petani"]),
    _e("Ulasan Gayo Wine dari pelanggan", """
"Baru buka kemasannya saja sudah wangi seperti anggur dan nangka. Diseduh V60, manisnya lama di lidah." — Kak Dinda, Surabaya

Terima kasih untuk puluhan ulasan Gayo Wine Process minggu ini. Kami baca semuanya, termasuk yang bilang rasanya terlalu unik untuk pagi hari. Itu juga masukan yang jujur. 😄

#KopiSenja #GayoWine #UlasanPelanggan
""", tags=["gayo-wine", "testimoni"]),
    _e("Gayo Wine untuk kopi susu", """
Banyak yang bertanya apakah Gayo Wine Process cocok untuk kopi susu. Barista kami mencobanya: espresso Gayo Wine dengan susu oat menghasilkan rasa seperti cokelat stroberi.

Tidak wajib, tentu saja. Tapi kalau Kakak suka bereksperimen, ini layak dicoba.

#KopiSenja #GayoWine #KopiSusu
""", tags=["gayo-wine", "resep"]),
]

BANKS["main", "h", "rilis-gayo-wine"] = [
    _e("Gayo Wine stok reguler", f"""
Pre-order selesai, dan Gayo Wine Process gelombang pertama sudah dikirim ke 212 rumah.

Sisa 88 pak kini dijual reguler: Rp145.000 untuk 200 g, disangrai setiap Selasa dan Jumat. Tidak ada produksi ulang sampai panen 2027.

Beli lewat tautan di bio atau {GAYO}

#KopiSenja #GayoWine
""", link=GAYO, tags=["gayo-wine"]),
]

BANKS["main", "s", "harbolnas-1212"] = [
    _e("Paket Kerja dari Rumah", """
Kenalan dengan Paket Kerja dari Rumah, bundel yang hanya ada selama 12 Hari Ngopi.

Dua kotak drip bag (Java Preanger dan Flores Bajawa) dan tumbler 350 ml yang menjaga kopi tetap hangat selama rapat daring yang tidak selesai-selesai.

Kami merancangnya setelah membaca puluhan DM dari teman-teman yang bekerja dari rumah. Terima kasih untuk idenya.

#KopiSenja #Harbolnas #WFH
""", p=["pekerja-kantoran"], tags=["harbolnas"]),
    _e("Cara kami menjaga kesegaran saat Harbolnas", """
Pesanan Harbolnas biasanya tiga kali lipat hari biasa. Bagaimana kami memastikan kopi tetap segar?

Biji disangrai bertahap setiap hari, bukan ditumpuk sebelum promo
Paket dikirim paling lama tujuh hari setelah sangrai
Tanggal sangrai tetap tercetak di setiap kemasan

Promo boleh ramai, kualitas tidak boleh turun.

#KopiSenja #Harbolnas #DiBalikLayar
""", tags=["harbolnas", "roastery"]),
]

BANKS["main", "h", "harbolnas-1212"] = [
    _e("12 Hari Ngopi hari keempat", f"""
12 Hari Ngopi, hari ke-4: Paket Kerja dari Rumah.

2 kotak drip bag + tumbler 350 ml, dari Rp215.000 jadi Rp189.200 hari ini saja. Cocok untuk diri sendiri atau kado rekan kerja.

Pesan lewat tautan di bio atau {H12}. Stok paket hari ini 150.

#KopiSenja #Harbolnas #12HariNgopi
""", p=["pekerja-kantoran"], link=H12, tags=["harbolnas"]),
    _e("12 Hari Ngopi hari kesembilan", f"""
Hari ke-9 dari 12 Hari Ngopi: Toraja Sapan 200 g potongan 12%, jadi Rp96.800.

Body tebal, rasa kayu manis dan gula merah, pas untuk pagi yang hujan. Tiga hari lagi menuju puncak 12.12.

Beli lewat tautan di bio atau {H12}

#KopiSenja #Harbolnas #KopiToraja
""", link=H12, tags=["harbolnas"]),
]

BANKS["main", "s", "akhir-tahun"] = [
    _e("Menulis kartu hampers", """
Sore ini seluruh tim, termasuk roaster dan kurir, duduk bersama menulis kartu hampers. Sudah 412 kartu, masing-masing dengan nama penerimanya.

Tulisan tangan kami memang tidak semuanya rapi. Tapi semoga terasa bahwa setiap hampers disiapkan oleh orang, bukan mesin.

#KopiSenja #Hampers #DiBalikLayar
""", tags=["hampers"]),
    _e("Malam Natal di kedai", """
Malam ini kedai Cihapit tutup lebih awal, pukul 17.00, supaya tim bisa berkumpul bersama keluarga.

Untuk teman-teman yang masih mencari kado terakhir: Hampers Senja Kecil tersedia di kedai sampai pukul 17.00, lengkap dengan kartu yang bisa ditulis di tempat.

#KopiSenja #MalamNatal #Hampers
""", tags=["hampers", "kedai"]),
]

BANKS["main", "h", "akhir-tahun"] = [
    _e("Hampers Senja Kecil", f"""
Hampers Senja Kecil: Java Preanger dan Flores Bajawa 100 g, lima drip bag, kartu tulisan tangan. Rp185.000.

Kado yang pas untuk teman kantor, guru les anak, atau tetangga yang selalu menitipkan kunci. Tidak perlu alat seduh apa pun.

Pesan lewat tautan di bio atau {HAMPERS}. Batas pesan untuk sampai sebelum Natal: 20 Desember.

#KopiSenja #Hampers #HampersNatal
""", link=HAMPERS, tags=["hampers"]),
    _e("Batas pesan hampers Natal", f"""
Tinggal dua hari untuk memesan hampers yang sampai sebelum Natal.

Pesan paling lambat Minggu, 20 Desember pukul 23.59, dan kami kirim dengan kurir kilat. Hampers Senja Keluarga tinggal 40 paket.

Klik tautan di bio atau {HAMPERS}

#KopiSenja #HampersNatal
""", link=HAMPERS, tags=["hampers"]),
    _e("Hampers untuk tahun baru", f"""
Belum sempat memesan hampers Natal? Masih ada waktu untuk tahun baru.

Pesanan sampai 28 Desember kami kirim sebelum 31 Desember untuk seluruh Pulau Jawa. Semua hampers tetap dengan kartu tulisan tangan.

Pesan lewat tautan di bio atau {HAMPERS}

#KopiSenja #HampersTahunBaru
""", link=HAMPERS, tags=["hampers"]),
]

BANKS["reel", "e", "umum"] = [
    _e("Reel blooming", """
30 detik yang menentukan rasa: blooming. Lihat gelembungnya? Itu gas CO₂ dari biji yang baru disangrai. ☕

#KopiSenja #SeduhManual #V60
""", tags=["seduh-manual"]),
    _e("Reel tiga gilingan", """
Satu kopi, tiga gilingan, tiga rasa. Tonton sampai akhir untuk tahu mana yang paling pas untuk V60.

#KopiSenja #TipsKopi #Grinder
""", tags=["seduh-manual"]),
    _e("Reel Vietnam drip", """
Vietnam drip dalam 45 detik: dari menakar kopi sampai tetesan terakhir jatuh di atas susu kental manis.

#KopiSenja #VietnamDrip #SeduhDiRumah
""", tags=["resep"]),
    _e("Reel cold brew", """
Cold brew untuk stok seminggu: 100 g kopi, 1 liter air, 18 jam di kulkas. Simpan resepnya.

#KopiSenja #ColdBrew #SeduhDiRumah
""", tags=["resep"]),
    _e("Reel cupping", """
Seperti apa cupping di roastery? Kerak dipecah, aromanya dihirup, lalu diseruput keras. Suaranya memang begitu. 😄

#KopiSenja #Cupping #DiBalikLayar
""", tags=["pengetahuan"]),
    _e("Reel latte art hati", """
Latte art bentuk hati untuk pemula: susu 60 °C, tuang dari tinggi lalu turunkan, goyang pelan, tarik ke atas. Percobaan ketiga Bagus akhirnya berhasil.

#KopiSenja #LatteArt #Barista
""", tags=["barista"]),
    _e("Reel AeroPress terbalik", """
Metode AeroPress terbalik dalam satu menit. Hasilnya bersih, manis, dan alatnya muat di tas.

#KopiSenja #AeroPress #SeduhManual
""", p=["mahasiswa-ngopi"], tags=["resep"]),
    _e("Reel warna sangrai", """
Dari hijau ke kuning, cokelat muda, lalu cokelat tua: begini perubahan biji kopi selama 13 menit di mesin sangrai.

#KopiSenja #Roasting #DiBalikLayar
""", tags=["roastery"]),
    _e("Reel menyimpan kopi", """
Salah satu dari tiga tempat ini adalah tempat terburuk menyimpan kopi. Tebak dulu sebelum videonya selesai.

#KopiSenja #TipsKopi
""", tags=["penyimpanan"]),
]

BANKS["reel", "q", "umum"] = [
    _e("Reel pagi di Cihapit", """
Pukul enam pagi di kedai Cihapit, sebelum pintu dibuka. Tenang, hangat, wangi kopi.

#KopiSenja #KopiBandung
"""),
    _e("Reel hujan sore", """
Hujan sore di Bandung dan suara tetesan kopi. Putar dengan suara, ya. 🌧️

#KopiSenja #MusimHujan
"""),
    _e("Reel tangan petani", """
Tangan yang memetik, menjemur, menyortir. Setiap cangkir dimulai dari sini.

#KopiSenja #PetaniKopi #KopiNusantara
"""),
    _e("Reel senja di roastery", """
Senja dari jendela roastery, setelah batch terakhir hari ini. Nama kami lahir dari momen seperti ini.

#KopiSenja #Senja
"""),
    _e("Reel Sabtu pelan", """
Sabtu pelan: satu buku, satu cangkir, tanpa notifikasi.

#KopiSenja #AkhirPekan
"""),
    _e("Reel suara kedai", """
Suara mesin espresso, obrolan pelan dan sendok beradu dengan cangkir. Musik favorit kami.

#KopiSenja #KopiBandung
"""),
    _e("Reel lampu Desember", """
Lampu-lampu kecil sudah dipasang di kedai. Desember terasa lebih hangat dari biasanya.

#KopiSenja #Desember
""", months=[12]),
]

BANKS["reel", "s", "umum"] = [
    _e("Reel sehari bersama roaster", """
Sehari bersama Kang Ujang, roaster kami: mulai pukul lima, 8 batch, 96 kg kopi, dan dua gelas kopi tubruk sebagai bahan bakar.

#KopiSenja #DiBalikLayar #Roaster
""", tags=["roastery"]),
    _e("Reel kelas seduh Sabtu", """
Cuplikan kelas seduh manual Sabtu lalu: 12 peserta, 4 alat seduh, dan banyak tawa waktu bubuk kopi tumpah. Kelas berikutnya setiap Sabtu pukul 13.00.

#KopiSenja #KelasKopi
""", p=["mahasiswa-ngopi"], tags=["kelas"]),
]

BANKS["reel", "s", "rilis-gayo-wine"] = [
    _e("Reel membuka karung Gayo", """
Momen membuka karung pertama Gayo Wine Process. Tebak reaksi Kang Ujang saat mencium aromanya. 🍇

#KopiSenja #GayoWine
""", tags=["gayo-wine"]),
    _e("Reel seduh Gayo Wine", """
Barista kami menyeduh Gayo Wine Process dengan V60. Perhatikan warnanya: merah kecokelatan, seperti teh rosela.

#KopiSenja #GayoWine #SeduhManual
""", tags=["gayo-wine"]),
]

BANKS["reel", "s", "harbolnas-1212"] = [
    _e("Reel membungkus pesanan", """
Satu pesanan, empat tangan: ditimbang, disegel, diberi kartu, lalu dibungkus bubble wrap dari kertas. Begini kami menyiapkan pesanan 12 Hari Ngopi.

#KopiSenja #Harbolnas #DiBalikLayar
""", tags=["harbolnas"]),
]

BANKS["reel", "s", "akhir-tahun"] = [
    _e("Reel merangkai hampers", """
Merangkai satu Hampers Senja Keluarga dalam 30 detik (aslinya 12 menit). Yang paling lama: menulis kartunya.

#KopiSenja #Hampers
""", tags=["hampers"]),
    _e("Reel membuka hampers", """
Reaksi Bu Yayah, pelanggan setia kami dari Cimahi, saat membuka hampers kiriman anaknya dari Jakarta. Dibagikan dengan izin beliau. ❤️

#KopiSenja #Hampers #CeritaPelanggan
""", p=["penyeduh-rumahan"], tags=["hampers", "testimoni"]),
]

BANKS["li", "e", "umum"] = [
    _e("Konsistensi profil sangrai", """
Keluhan nomor satu pemilik kedai tentang pemasok biji: rasa yang berubah dari satu pengiriman ke pengiriman berikutnya.

Di roastery kami, konsistensi dijaga dengan tiga hal sederhana:
1. Setiap batch dicatat suhu dan waktunya, lalu dibandingkan dengan kurva acuan.
2. Warna hasil sangrai diukur dengan alat ukur warna, bukan hanya mata.
3. Satu sampel dari setiap batch dicicipi (cupping) sebelum dikemas.

Batch yang menyimpang lebih dari batas toleransi tidak dikirim ke mitra kedai. Tahun ini 3,2% batch kami tahan karena alasan ini.

Bagaimana kedai Anda mengecek kualitas biji yang datang?
"""),
    _e("Biaya per cangkir espresso", """
Berapa sebenarnya biaya bahan satu cangkir kopi susu di kedai?

Contoh perhitungan untuk es kopi susu 250 ml:
Espresso 18 g biji (Rp250.000/kg): Rp4.500
Susu segar 150 ml: Rp3.300
Gula aren cair 20 ml: Rp900
Gelas, tutup, sedotan: Rp1.800
Total bahan: sekitar Rp10.500

Dengan harga jual Rp22.000, biaya bahan sekitar 48%. Angka ini sering terlupa saat pemilik kedai hanya membandingkan harga biji per kilo.

Kami membagikan lembar hitung ini dalam bentuk spreadsheet untuk mitra kedai. Kirim pesan jika ingin salinannya.
""", fmt="carousel"),
    _e("Fermentasi terkontrol", """
Proses fermentasi kini menjadi wilayah eksperimen paling menarik di kopi Indonesia, dari anaerob sampai fermentasi dengan ragi terpilih.

Tiga hal yang kami pelajari dari bekerja dengan koperasi yang bereksperimen:
1. Catat suhu, pH dan lama fermentasi untuk setiap tong. Tanpa data, keberhasilan tidak bisa diulang.
2. Mulai dari lot kecil (100–200 kg ceri), jangan langsung satu panen.
3. Pembeli perlu ikut menanggung risiko lewat harga di muka, supaya petani berani mencoba.

Hasilnya bisa sangat baik: lot eksperimen Ketiara tahun ini mendapat nilai cupping 86,25.
""", fmt="carousel"),
    _e("Kalibrasi espresso pagi hari", """
Kedai yang rasanya konsisten hampir selalu punya satu kebiasaan: kalibrasi espresso setiap pagi sebelum buka.

Rutinitas 15 menit yang kami ajarkan di pelatihan barista:
Timbang dosis (misalnya 18 g) dan hasil (36 g)
Catat waktu ekstraksi, targetkan 27–32 detik
Cicipi, sesuaikan gilingan satu langkah saja
Ulangi sampai dua shot berturut-turut sesuai target

Cuaca Bandung yang lembap di musim hujan membuat gilingan perlu disesuaikan hampir setiap hari. Catatan harian membantu barista baru belajar lebih cepat.
"""),
    _e("Menyimpan biji hijau", """
Untuk roastery dan kedai yang mulai menyangrai sendiri: biji hijau juga punya umur.

Kadar air ideal 10–12%, aktivitas air di bawah 0,6
Simpan di karung GrainPro atau hermetic bag di dalam karung goni
Gudang di bawah 25 °C dengan kelembapan di bawah 60%
Gunakan dalam 9–12 bulan setelah panen

Di Bandung kami memakai dehumidifier di gudang selama musim hujan. Biayanya sekitar Rp350.000 per bulan, jauh lebih kecil daripada kerugian satu karung yang berjamur.
"""),
    _e("Ketertelusuran kopi", """
Pembeli semakin sering bertanya: kopi ini dari kebun siapa?

Ketertelusuran (traceability) bukan lagi nilai tambah, tetapi kebutuhan. Untuk setiap lot, kami mencatat kelompok tani, desa, ketinggian, varietas, proses, tanggal panen dan tanggal sangrai. Data ini tercetak di kemasan dan bisa dipindai lewat kode QR.

Bagi mitra kedai, informasi yang sama bisa ditampilkan di menu. Kedai mitra kami di Garut mencatat penjualan single origin naik 20% setelah menampilkan cerita petaninya.
"""),
    _e("Harga yang adil untuk petani", """
Pada panen 2026, harga ceri merah arabika di Jawa Barat berkisar Rp13.000–16.000 per kilogram di tingkat petani.

Untuk kelompok tani mitra, kami membeli dengan harga tetap yang disepakati sebelum panen, di atas harga pasar, ditambah premi kualitas untuk lot dengan nilai cupping di atas 84.

Hasilnya bukan hanya soal etika. Petani yang mendapat kepastian harga mau memetik merah saja dan menjemur lebih lama, dan kualitas di cangkir ikut naik. Rantai pasok yang adil adalah strategi kualitas.
"""),
    _e("Air untuk mesin espresso", """
Kerusakan mesin espresso paling mahal di kedai sering bermula dari air.

Air dengan kesadahan tinggi meninggalkan kerak di boiler dan elemen pemanas. Air RO murni tanpa mineral justru bisa mengikis logam dan membuat rasa kopi datar.

Rekomendasi umum: kesadahan total 50–175 ppm CaCO₃, pH sekitar 7. Filter dengan pengaturan mineral dan penggantian kartrid tiap 3–6 bulan jauh lebih hemat daripada servis boiler.
"""),
    _e("Pelatihan barista baru", """
Rata-rata kedai kopi di Indonesia kehilangan sepertiga baristanya setiap tahun. Pelatihan yang terstruktur membuat barista baru siap lebih cepat.

Kurikulum dua minggu yang kami pakai untuk mitra kedai:
Minggu 1: dasar kopi, kalibrasi, steaming susu, kebersihan bar
Minggu 2: alur pesanan saat ramai, latte art dasar, melayani pertanyaan pelanggan

Evaluasi akhir berupa cupping buta dan satu jam melayani di bar. Mitra kami mendapat satu sesi pelatihan gratis per kuartal.
""", fmt="video"),
    _e("Musim panen dan perencanaan stok", """
Kopi adalah produk pertanian musiman. Perencanaan stok kedai sebaiknya mengikuti kalender panen.

Jawa Barat: panen Mei–Agustus, kopi baru tersedia sekitar Oktober
Aceh Gayo: panen raya Oktober–Desember
Flores dan Toraja: Juni–September

Kedai yang menyimpan menu single origin sepanjang tahun perlu merotasi asal kopi atau mengamankan kontrak sejak awal musim. Kami membuka kontrak lot untuk 2027 mulai Januari.
"""),
    _e("Mengurangi limbah di kedai", """
Satu kedai kopi rata-rata menghasilkan 5–10 kg ampas kopi per hari.

Yang sudah dilakukan mitra-mitra kami:
Ampas untuk kompos kebun kota dan pupuk tanaman hias
Ampas untuk bahan scrub sabun dengan UMKM lokal
Diskon Rp2.000 untuk pelanggan yang membawa tumbler
Sisa susu untuk menu puding harian

Kedai mitra kami di Dago mengurangi sampah ke TPA hingga 40% dalam enam bulan. Langkah kecil, dampaknya terlihat di tagihan sampah bulanan.
"""),
    _e("Menu single origin yang laku", """
Banyak kedai ragu menjual kopi seduh manual karena dianggap lambat dan kurang laku.

Tiga pola yang kami lihat di kedai mitra yang berhasil:
1. Maksimal tiga pilihan single origin, dengan deskripsi rasa yang mudah dipahami
2. Harga yang tidak jauh dari kopi susu, misalnya selisih Rp5.000
3. Barista menawarkan cicip kecil saat antrean sepi

Seduh manual yang dijual dengan cerita bisa mencapai 15–20% penjualan minuman.
""", fmt="carousel"),
    _e("Cupping untuk pembelian", """
Sebelum membeli lot baru, kami melakukan cupping buta bersama tim dan, bila memungkinkan, bersama mitra kedai.

Protokolnya mengikuti SCA: 8,25 g kopi per 150 ml air, gilingan kasar, air 93 °C, dinilai pada 11 atribut dari aroma sampai kesan keseluruhan. Setiap sampel dicicipi oleh minimal tiga orang.

Pemilik kedai yang ikut cupping bersama pemasok membuat keputusan lebih baik karena tahu persis mengapa sebuah lot dipilih. Undangan cupping terbuka setiap Kamis pertama setiap bulan.
"""),
    _e("Kesalahan umum memilih grinder kedai", """
Grinder sering dianggap pelengkap, padahal pengaruhnya terhadap rasa espresso setara dengan mesinnya.

Kesalahan yang sering kami temui saat mendampingi kedai baru:
Membeli mesin mahal, grinder seadanya
Satu grinder untuk espresso dan seduh manual
Burr tidak pernah diganti (umur burr rata-rata 500–800 kg kopi)

Alokasi yang kami sarankan untuk kedai baru: anggaran grinder minimal setengah dari anggaran mesin espresso.
"""),
    _e("Tren kopi 2027", """
Beberapa hal yang kami lihat akan menguat di industri kopi Indonesia pada 2027:

Proses fermentasi eksperimental dari petani lokal, bukan hanya dari impor
Pembeli yang menanyakan asal-usul dan harga di tingkat petani
Kopi siap minum dalam botol untuk kantor dan hotel
Kedai kecil yang menyangrai sendiri dalam batch 1–3 kg

Apa yang Anda lihat dari sisi kedai atau kantor Anda?
"""),
    _e("Catatan akhir tahun roastery", """
Catatan dari roastery kami untuk 2026:

18 ton kopi disangrai dari 11 kelompok tani
42 kedai mitra di Jawa Barat, Jakarta dan Surabaya
96 barista mengikuti pelatihan
Premi kualitas Rp412 juta dibayarkan kepada petani

Terima kasih kepada mitra kedai, petani dan tim yang membuat angka-angka ini mungkin. Tahun depan kami menambah satu mesin sangrai 15 kg untuk memperpendek waktu tunggu pesanan.
"""),
    _e("Kontrak lot 2027", """
Untuk pemilik kedai yang merencanakan menu 2027: kontrak lot panen 2027 mulai kami buka Januari.

Cara kerjanya: kedai memesan volume untuk satu musim (minimal 60 kg), harga dikunci di awal, biji disangrai dan dikirim bertahap setiap dua minggu sesuai profil yang disepakati.

Keuntungannya: rasa konsisten sepanjang tahun dan harga yang tidak ikut naik-turun. Sampel 250 g tersedia bagi kedai yang ingin mencoba terlebih dahulu.
"""),
]

BANKS["li", "s", "umum"] = [
    _e("Kunjungan ke kelompok tani Rahayu", """
Minggu lalu tim kami mengunjungi kelompok tani Rahayu di Pangalengan untuk evaluasi pascapanen 2026.

Yang kami pelajari: tiga rumah jemur baru (hasil premi kualitas tahun lalu) memperpendek waktu jemur dari 28 menjadi 21 hari dan menurunkan biji cacat hampir separuhnya.

Kemitraan jangka panjang dengan petani bukan kegiatan CSR. Ini cara paling efektif menjaga kualitas biji yang kami kirim ke kedai mitra.
""", tags=["petani"]),
    _e("Mitra kedai baru di Garut", """
Selamat datang Kopi Kebon, mitra kedai ke-40 kami, di Garut.

Mas Rizal dan tim memilih Senja Blend untuk espresso dan Java Preanger untuk seduh manual. Dua barista mereka sudah mengikuti pelatihan dua minggu di roastery kami bulan ini.

Kami senang bisa tumbuh bersama kedai-kedai lokal di Jawa Barat.
""", tags=["mitra"]),
]

BANKS["li", "s", "rilis-gayo-wine"] = [
    _e("Gayo Wine untuk menu kedai", """
Untuk mitra kedai: Gayo Wine Process edisi 2026 tersedia dalam kemasan 1 kg dengan jumlah terbatas (40 kg untuk kanal B2B).

Profilnya cocok sebagai menu seduh manual musiman: anggur merah, nangka, cokelat hitam. Dari pengalaman kedai mitra tahun lalu, menu musiman seperti ini menaikkan rata-rata nilai transaksi karena pelanggan datang khusus untuk mencobanya.

Sampel 100 g bisa diminta lewat pesan pribadi.
""", tags=["gayo-wine"]),
    _e("Di balik fermentasi 30 hari", """
Fermentasi 30 hari untuk Gayo Wine Process bukan tanpa risiko. Dari lima tong percobaan Koperasi Ketiara tahun lalu, dua gagal karena suhu fermentasi terlalu tinggi.

Tahun ini koperasi memakai tong tertutup dengan pencatat suhu, dan seluruh lot lolos cupping dengan nilai 86,25. Inovasi semacam ini lahir karena pembeli bersedia berbagi risiko dengan petani melalui kontrak harga di muka.
""", tags=["gayo-wine", "petani"]),
]

BANKS["li", "s", "harbolnas-1212"] = [
    _e("Harbolnas dari sisi operasional", """
Harbolnas bagi roastery kecil adalah ujian operasional: volume pesanan naik tiga kali lipat dalam dua minggu.

Tahun ini kami menyiapkan diri dengan menyangrai bertahap setiap hari, menambah enam tenaga packing harian dari warga sekitar roastery, dan memisahkan jalur pesanan B2B supaya pasokan kedai mitra tidak terganggu.

Mitra kedai tetap mendapat jadwal kirim yang sama seperti biasa selama kampanye.
""", tags=["harbolnas", "operasional"]),
    _e("Paket kopi untuk tim kerja hibrida", """
Beberapa HR manager bertanya tentang kopi untuk karyawan yang bekerja hibrida. Selama 12 Hari Ngopi, Paket Kerja dari Rumah (2 kotak drip bag + tumbler) bisa dipesan dalam jumlah besar dengan kartu ucapan perusahaan.

Tahun ini tiga perusahaan teknologi di Bandung memakainya sebagai hadiah akhir tahun untuk tim jarak jauh mereka.
""", p=["pekerja-kantoran"], tags=["harbolnas", "korporat"]),
]

BANKS["li", "s", "akhir-tahun"] = [
    _e("Cerita di balik hampers korporat", """
Hampers korporat terbesar kami tahun ini: 180 paket untuk sebuah perusahaan logistik, masing-masing dengan kartu berisi nama penerima dan satu kalimat dari atasannya.

Permintaannya sederhana: "Kami ingin hadiahnya terasa personal, bukan parsel generik." Tim kami membutuhkan tiga hari untuk menulis semua kartunya. Menurut kami itu sepadan.
""", p=["pekerja-kantoran"], tags=["hampers", "korporat"]),
]

BANKS["li", "h", "akhir-tahun"] = [
    _e("Pemesanan hampers korporat", f"""
Pemesanan hampers korporat untuk pengiriman sebelum Natal ditutup 18 Desember.

Minimal 20 paket, mulai Rp150.000 per paket, isi dan kartu ucapan bisa disesuaikan dengan logo perusahaan. Pengiriman ke banyak alamat sekaligus kami tangani dari Bandung.

Pesan lewat {HAMPERS}/korporat atau kirim pesan pribadi untuk katalog dan penawaran harga.
""", p=["pekerja-kantoran", "pemilik-kafe"], link=f"{HAMPERS}/korporat", tags=["hampers", "korporat"]),
]

# Captions pinned to one slot: (date, kind, index of the slot among the day's slots of its kind).
SPECIALS: dict[tuple[str, str, int], Entry] = {
    ("2026-11-09", "main", 0): _e("Rilis Gayo Wine Process", """
Setelah 30 hari fermentasi dan tiga minggu dijemur di Takengon, akhirnya tiba: Gayo Wine Process edisi 2026.

Ceri kopi dari kebun Bu Rahmah, Koperasi Ketiara, difermentasi utuh di tong tertutup sebelum dijemur. Hasilnya anggur merah, nangka matang dan cokelat hitam, tanpa tambahan perisa apa pun.

Hanya 300 pak. Pre-order dibuka Rabu, 11.11. Nyalakan notifikasi supaya tidak ketinggalan.

#KopiSenja #GayoWine #KopiNusantara
""", pillar="s", campaign="rilis-gayo-wine", tags=["gayo-wine"]),
    ("2026-11-10", "main", 0): _e("Hari Pahlawan 2026", """
Selamat Hari Pahlawan, 10 November 2026.

Pahlawan hari ini ada di mana-mana: guru di pelosok, tenaga kesehatan, dan petani yang menjaga kebun kopi di lereng gunung sejak subuh.

Terima kasih untuk semua yang bekerja dalam diam. 🇮🇩

#KopiSenja #HariPahlawan
""", pillar="q"),
    ("2026-11-10", "x", 0): _e("Hari Pahlawan di X", "Selamat Hari Pahlawan. Untuk semua yang bekerja dalam diam, dari ruang kelas sampai kebun kopi di lereng gunung: terima kasih. 🇮🇩 #HariPahlawan", pillar="q"),
    ("2026-11-11", "main", 0): _e("Pre-order Gayo Wine 11.11", """
11.11, pre-order Gayo Wine Process resmi dibuka.

Harga pre-order Rp129.000 untuk 200 g (harga normal Rp145.000), berlaku sampai Minggu, 15 November. Pengiriman mulai 16 November, langsung setelah sangrai.

Pesan lewat tautan di bio atau Tokopedia dan Shopee Kopi Senja Official. Stok hanya 300 pak.

#KopiSenja #GayoWine #PreOrder
""", pillar="h", campaign="rilis-gayo-wine", link=GAYO, tags=["gayo-wine"]),
    ("2026-11-11", "x", 0): _e("Pre-order Gayo Wine dibuka", f"Pre-order Gayo Wine Process dibuka hari ini, 11.11. Rp129.000 untuk 200 g sampai 15 November, kirim mulai 16 November. Hanya 300 pak. Pesan di {GAYO}", pillar="h", campaign="rilis-gayo-wine", link=GAYO, tags=["gayo-wine"]),
    ("2026-11-25", "main", 0): _e("Selamat Hari Guru Nasional", """
Selamat Hari Guru Nasional.

Untuk guru yang mengajari kita membaca, dan untuk guru-guru kecil dalam hidup: barista yang sabar mengajari cara menuang, orang tua yang pertama kali menyeduhkan kopi tubruk di rumah.

Siapa guru yang paling Kakak ingat? Tulis namanya di komentar.

#KopiSenja #HariGuruNasional
""", pillar="q"),
    ("2026-11-25", "x", 0): _e("Hari Guru di X", "Selamat Hari Guru Nasional untuk semua guru, termasuk yang mengajar sambil membawa termos kopi ke kelas setiap pagi. Terima kasih. #HariGuru", pillar="q"),
    ("2026-11-30", "main", 0): _e("Besok mulai 12 Hari Ngopi", """
Besok, 1 Desember, kami mulai 12 Hari Ngopi.

Setiap hari sampai 11 Desember ada satu produk dengan potongan harga 12%, lalu puncaknya di 12.12. Produknya kami umumkan pukul 07.00 setiap pagi di sini dan di X.

Produk apa yang paling Kakak tunggu? Tulis di komentar, siapa tahu masuk daftar.

#KopiSenja #Harbolnas
""", pillar="s", tags=["harbolnas"]),
    ("2026-12-01", "main", 0): _e("12 Hari Ngopi dimulai", """
12 Hari Ngopi dimulai hari ini.

Hari ke-1: Java Preanger 200 g potongan 12%, dari Rp95.000 jadi Rp83.600. Berlaku sampai pukul 23.59 WIB.

Pesan lewat tautan di bio, atau di Tokopedia dan Shopee Kopi Senja Official. Besok produk yang berbeda.

#KopiSenja #Harbolnas #12HariNgopi
""", pillar="h", campaign="harbolnas-1212", link=H12, tags=["harbolnas"]),
    ("2026-12-01", "x", 0): _e("12 Hari Ngopi hari pertama", f"12 Hari Ngopi dimulai. Hari ke-1: Java Preanger 200 g jadi Rp83.600 (potongan 12%) sampai 23.59 WIB. Pesan di {H12}", pillar="h", campaign="harbolnas-1212", link=H12, tags=["harbolnas"]),
    ("2026-12-12", "main", 0): _e("Puncak Harbolnas 12.12", """
12.12 sudah tiba.

Hari ini saja: semua biji 200 g potongan 25% dan gratis ongkir se-Jawa, tanpa minimum belanja. Paket Kerja dari Rumah juga masih tersedia sampai stok habis.

Pesan lewat tautan di bio atau Kopi Senja Official di Tokopedia dan Shopee. Tim CS kami siaga sampai pukul 23.00.

#KopiSenja #Harbolnas #1212
""", pillar="h", campaign="harbolnas-1212", link=H12, tags=["harbolnas"]),
    ("2026-12-12", "x", 0): _e("12.12 tengah malam", f"12.12 sudah dimulai. Semua biji 200 g potongan 25% + gratis ongkir se-Jawa, hari ini saja. Order di {H12}", pillar="h", campaign="harbolnas-1212", link=H12, tags=["harbolnas"]),
    ("2026-12-12", "x", 1): _e("12.12 dari gudang", "Pukul 09.00 di gudang: 380 pesanan masuk sejak tengah malam. Tim sangrai mulai jam 5 pagi, tim packing menyusul. Terima kasih, teman-teman. ☕", pillar="s", campaign="harbolnas-1212", tags=["harbolnas"]),
    ("2026-12-12", "x", 2): _e("12.12 sembilan jam lagi", f"Sembilan jam lagi potongan 25% untuk semua biji 200 g dan gratis ongkir se-Jawa berakhir. Pesan sebelum 23.59 WIB di {H12}", pillar="h", campaign="harbolnas-1212", link=H12, tags=["harbolnas"]),
    ("2026-12-12", "x", 3): _e("Istilah ekstraksi", "Sambil menunggu paket datang: 'ekstraksi' artinya proses air melarutkan rasa dari bubuk kopi. Kurang ekstraksi terasa asam tajam, terlalu banyak terasa pahit getir.", pillar="e"),
    ("2026-12-12", "reel", 0): _e("Reel packing 12.12", """
Begini suasana packing 12.12 di gudang kami: 14 orang, 2 mesin sangrai, dan playlist dangdut koplo supaya tetap semangat. Setiap paket tetap diberi kartu tulisan tangan. 📦

#KopiSenja #Harbolnas #DiBalikLayar
""", pillar="s", campaign="harbolnas-1212", tags=["harbolnas"]),
    ("2026-12-13", "main", 0): _e("Terima kasih Harbolnas", """
Terima kasih untuk 2.140 pesanan selama 12 Hari Ngopi.

Semua pesanan 12.12 kami kirim paling lambat Rabu, 16 Desember, dengan biji yang disangrai setelah pesanan masuk. Nomor resi dikirim otomatis lewat email dan WhatsApp.

Ada kendala pesanan? DM kami, Sari dan tim CS siap membantu.

#KopiSenja #TerimaKasih
""", pillar="s"),
    ("2026-12-14", "main", 0): _e("Hampers Akhir Tahun hadir", """
Hampers Akhir Tahun Kopi Senja sudah bisa dipesan.

Hampers Senja Kecil: 2 biji 100 g, 5 drip bag, kartu ucapan
Hampers Senja Keluarga: 3 biji 200 g, moka pot 3 cup, kartu ucapan
Hampers Korporat: isi dan kartu disesuaikan, minimal 20 paket

Semua kartu ditulis tangan oleh tim kami. Geser untuk melihat isinya.

#KopiSenja #HampersNatal #HampersTahunBaru
""", pillar="s", campaign="akhir-tahun", tags=["hampers"]),
    ("2026-12-14", "li", 0): _e("Hampers korporat 2026", """
Tahun ini kami menyiapkan hampers korporat untuk perusahaan yang ingin berterima kasih kepada tim dan mitranya dengan sesuatu yang dipakai setiap hari.

Isi bisa disesuaikan: biji single origin, drip bag, alat seduh. Kartu ucapan bisa memuat logo dan nama tiap penerima, ditulis tangan oleh tim kami. Biji disangrai paling lama tujuh hari sebelum dikirim.

Tahun lalu 14 perusahaan di Bandung dan Jakarta memakai hampers kami, dari startup 20 orang sampai kantor cabang bank. Katalog lengkap bisa diminta lewat pesan pribadi ke Fajar.
""", pillar="s", campaign="akhir-tahun", p=["pekerja-kantoran", "pemilik-kafe"], tags=["hampers", "korporat"]),
    ("2026-12-22", "main", 0): _e("Selamat Hari Ibu", """
Selamat Hari Ibu.

Untuk ibu yang setiap pagi menyeduh kopi untuk seisi rumah sebelum semua orang bangun, dan tidak pernah lupa siapa yang pakai gula, siapa yang tidak.

Hari ini, gantian kita yang menyeduhkan untuk beliau. ❤️

#KopiSenja #HariIbu
""", pillar="q", p=["penyeduh-rumahan"]),
    ("2026-12-22", "x", 0): _e("Hari Ibu di X", "Selamat Hari Ibu. Hari ini gantian kita yang menyeduhkan kopi untuk ibu, dan mengingat takaran gulanya dengan benar. ❤️ #HariIbu", pillar="q"),
    ("2026-12-25", "main", 0): _e("Selamat Natal 2026", """
Selamat Hari Natal bagi teman-teman yang merayakan.

Semoga damai, sukacita dan kehangatan memenuhi rumah dan meja makan bersama keluarga tercinta.

Kedai Cihapit tutup hari ini dan buka kembali Sabtu, 26 Desember.

#KopiSenja #SelamatNatal
""", pillar="q"),
    ("2026-12-25", "x", 0): _e("Natal di X", "Selamat Natal bagi teman-teman yang merayakan. Semoga damai dan sukacita memenuhi rumah dan meja makan bersama keluarga. 🎄", pillar="q"),
    ("2026-12-27", "main", 0): _e("Terima kasih 2026", """
2026 hampir selesai. Tahun ini kami menyangrai 18 ton kopi dari 11 kelompok tani, membuka kelas seduh setiap Sabtu, dan mengirim kopi ke 214 kota.

Semua itu karena Kakak yang memilih menyeduh kopi dari petani Indonesia. Hatur nuhun.

Hampers tahun baru masih bisa dipesan sampai 28 Desember.

#KopiSenja #AkhirTahun
""", pillar="s", campaign="akhir-tahun", tags=["hampers"]),
}

IDEAS: list[Entry] = [
    {"id": "ide-seri-petani-perempuan", "t": "Seri video petani perempuan Gayo", "ch": ["instagram", "facebook"], "pillar": "soft-sell", "author": "bagus", "tags": ["petani", "video"],
     "c": "Seri tiga video pendek tentang petani perempuan di Koperasi Ketiara: memetik, menjemur, mencicipi. Perlu izin dan jadwal kunjungan ke Takengon (Februari 2027?)."},
    {"id": "ide-kuis-tebak-asal-kopi", "t": "Kuis mingguan tebak asal kopi", "ch": ["x", "instagram"], "pillar": "education", "author": "sari", "tags": ["kuis"],
     "c": "Setiap Kamis: satu catatan rasa, pengikut menebak asal kopinya. Jawaban Jumat pagi. Hadiah drip bag untuk tiga penebak pertama."},
    {"id": "ide-artikel-harga-kopi-petani", "t": "Artikel: berapa bagian harga secangkir kopi yang sampai ke petani", "ch": ["linkedin"], "pillar": "education", "author": "fajar", "tags": ["transparansi"],
     "c": "Rincian harga dari ceri sampai cangkir untuk Java Preanger, data dari kelompok tani Rahayu. Bisa jadi carousel LinkedIn dan utas di X."},
    {"id": "ide-kolaborasi-roti-bakar", "t": "Kolaborasi dengan kedai roti bakar legendaris", "ch": ["instagram", "x"], "pillar": "soft-sell", "author": "ayu", "tags": ["kolaborasi"],
     "c": "Paket sarapan kopi dan roti bakar untuk Januari 2027, setelah musim hampers. Dimas sudah bertemu pemiliknya di Braga."},
]

CANCELLED: Entry = {
    "id": "2026-12-10-giveaway-kolaborasi-toko-roti",
    "t": "Giveaway kolaborasi dengan Toko Roti Sinar (dibatalkan)",
    "date": "2026-12-10 15:00",
    "ch": ["instagram", "facebook"],
    "pillar": "soft-sell",
    "fmt": "photo",
    "p": ["penyeduh-rumahan"],
    "campaign": "harbolnas-1212",
    "author": "ayu",
    "tags": ["giveaway", "kolaborasi"],
    "c": """
Giveaway kolaborasi: menangkan paket sarapan berisi Java Preanger 200 g dan roti sobek Toko Roti Sinar. Ikuti kedua akun dan tandai dua teman di komentar.

#KopiSenja #Giveaway
""",
}
