import type { Widen } from '../widen';
import type { settings as en } from '../en/settings';

export const settings: Widen<typeof en> = {
  settings: {
    title: 'Pengaturan',
    school: 'Sekolah',
    schoolName: 'Nama sekolah',
    security: 'Keamanan',
    autoLock: 'Kunci setelah sekian menit tanpa aktivitas',
    autoLockHint: 'Antara 1 dan 120 menit. Sebaya memberi peringatan 60 detik sebelum terkunci.',
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
    saved: 'Pengaturan sudah disimpan.',
  },
};
