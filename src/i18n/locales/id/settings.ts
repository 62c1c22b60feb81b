import type { Widen } from '../widen';
import type { settings as en } from '../en/settings';

export const settings: Widen<typeof en> = {
  settings: {
    title: 'Pengaturan',
    tabs: {
      school: 'Sekolah',
      cases: 'Kasus',
      terms: 'Tahun ajaran',
      account: 'Akun saya',
      vault: 'Keamanan brankas',
      backups: 'Cadangan',
    },
    school: 'Sekolah',
    schoolName: 'Nama sekolah',
    security: 'Keamanan',
    autoLock: 'Kunci setelah sekian menit tanpa aktivitas',
    autoLockHint: 'Antara 3 dan 60 menit. Sebaya memberi peringatan 60 detik sebelum terkunci.',
    vaultLocation: 'Folder brankas',
    vaultLocationHint:
      'Brankas terenkripsi dan slot kuncinya ada di sini. Buat cadangan dari bagian Cadangan, bukan dengan menyalin folder ini.',
    openVaultFolder: 'Buka folder',
    openVaultFolderFailed: 'Folder tidak dapat dibuka. Lokasinya tertulis di atas.',
    changePassword: 'Ganti kata sandi Anda',
    currentPassword: 'Kata sandi sekarang',
    newPassword: 'Kata sandi baru',
    confirmPassword: 'Ulangi kata sandi baru',
    passwordChanged: 'Kata sandi Anda sudah diganti.',
    recoveryTitle: 'Kunci pemulihan',
    recoveryIntro:
      'Jika kunci pemulihan hilang, atau mungkin sudah dilihat orang lain, buat yang baru. Kunci lama langsung tidak berlaku.',
    newRecoveryKey: 'Buat kunci pemulihan baru',
    confirmWithPassword: 'Kata sandi Anda, untuk konfirmasi',
    vaultCheck: {
      title: 'Periksa brankas',
      intro:
        'Membaca setiap halaman brankas terenkripsi di komputer ini dan memeriksa bahwa tidak ada yang rusak (misalnya karena disk bermasalah), bahwa catatan-catatannya tersusun utuh, dan bahwa tidak ada yang mengubah log audit. Untuk brankas bertahun-tahun ini perlu beberapa saat; selama itu Anda tetap dapat bekerja.',
      button: 'Periksa brankas sekarang',
      okTitle: 'Brankas utuh',
      problemTitle: 'Pemeriksaan menemukan masalah',
      pagesOk: 'Enkripsi setiap halaman sesuai.',
      pagesDamaged_one: 'Satu halaman rusak.',
      pagesDamaged_other: '{{count}} halaman rusak.',
      structureOk: 'Catatan-catatan tersusun utuh.',
      structureDamaged_one: 'SQLite menemukan satu masalah dalam susunan catatan.',
      structureDamaged_other: 'SQLite menemukan {{count}} masalah dalam susunan catatan.',
      auditOk_one: 'Log audit utuh (satu entri diperiksa).',
      auditOk_other: 'Log audit utuh ({{count}} entri diperiksa).',
      auditBroken: 'Log audit telah diubah pada entri {{id}}.',
      auditUnreadable: 'Log audit tidak dapat dibaca.',
      whatNow:
        'Jangan mengubah apa pun dulu. Pulihkan cadangan terbaru yang lolos pemeriksaan lengkap (Cadangan), dan biarkan folder brankas apa adanya untuk diperiksa.',
    },
    rotation: {
      title: 'Ganti kunci data',
      intro:
        'Lakukan ini bila kata sandi, kunci pemulihan, atau cadangan mungkin jatuh ke tangan yang salah. Sebaya mengenkripsi ulang seluruh brankas dengan kunci baru:',
      effectPasswords:
        'Kata sandi Anda tetap. Setiap staf lain mendapat kata sandi sementara, ditampilkan sekali di layar berikutnya, dan memilih kata sandi baru saat membuka kunci berikutnya.',
      effectBackups:
        'Cadangan lama dan kata sandi lama tidak lagi membuka brankas ini. Berkas cadangan lama tetap terbuka dengan kata sandi pada masanya: musnahkan yang tidak lagi Anda percayai.',
      effectRecovery: 'Kunci pemulihan lama tidak berlaku lagi; Anda mendapat kunci baru untuk ditulis atau dicetak.',
      button: 'Ganti kunci data',
      confirmTitle: 'Ganti kunci data sekarang?',
      confirmBody:
        'Brankas disalin, dienkripsi ulang, lalu dipasang; salinan lama dihapus. Ini butuh sebentar. Staf lain memerlukan kata sandi sementara yang ditampilkan berikutnya.',
      doneTitle: 'Kunci data sudah diganti',
      done: 'Brankas kini dienkripsi dengan kunci baru. Kata sandi lama, kunci pemulihan lama, dan cadangan lama tidak lagi membukanya.',
      temporaryIntro: 'Berikan kata sandi sementara kepada masing-masing secara langsung. Kata sandi hanya ditampilkan sekarang.',
      noted: 'Saya sudah mencatat kata sandi sementara',
      nextBackup: 'Segera buat cadangan baru: cadangan yang dibuat sebelum ini masih memakai kunci lama.',
      toRecoveryKey: 'Lanjut ke kunci pemulihan baru',
    },
    saved: 'Pengaturan sudah disimpan.',
  },
};
