import type { Widen } from '../widen';
import type { users as en } from '../en/users';

export const users: Widen<typeof en> = {
  users: {
    title: 'Pengguna',
    intro:
      'Akun staf membuka brankas dengan kata sandinya sendiri. Akun konselor sebaya masuk dengan PIN saat staf sudah membuka kunci Sebaya.',
    staffTitle: 'Akun staf',
    peerTitle: 'Akun konselor sebaya',
    addStaff: 'Tambah akun staf',
    addPeer: 'Tambah akun konselor sebaya',
    username: 'Nama pengguna',
    fullName: 'Nama lengkap',
    role: 'Peran',
    status: 'Status',
    lastSignIn: 'Terakhir masuk',
    peer: 'Konselor sebaya',
    pin: 'PIN',
    pinHint: '4 sampai 8 angka. Berikan langsung kepada siswa.',
    active: 'Aktif',
    disabled: 'Nonaktif',
    mustChange: 'Harus memilih kata sandi',
    you: 'Anda',
    disable: 'Nonaktifkan',
    enable: 'Aktifkan',
    remove: 'Hapus',
    resetPassword: 'Atur ulang kata sandi',
    setPin: 'Atur PIN baru',
    searchPlaceholder: 'Cari nama atau nama pengguna',
    noPeerAccounts:
      'Belum ada akun konselor sebaya. Akun ini memungkinkan konselor sebaya yang sudah terlatih menulis catatan sesinya sendiri di komputer ini.',
    noPeersToLink: 'Semua konselor sebaya sudah punya akun, atau belum ada konselor sebaya. Tambahkan dulu di bagian Konselor sebaya.',
    temporaryTitle: 'Kata sandi sementara untuk {{name}}',
    temporaryBody:
      'Berikan kata sandi ini langsung kepada {{name}}. Kata sandi hanya ditampilkan sekarang. Ia akan memilih kata sandinya sendiri saat pertama membuka Sebaya.',
    disableTitle: 'Nonaktifkan {{name}}?',
    disableBody:
      'Kata sandinya tidak lagi dapat membuka brankas. Akun dapat diaktifkan lagi nanti; ia lalu mendapat kata sandi sementara yang baru.',
    removeTitle: 'Hapus {{name}}?',
    removeBody:
      'Akun dihapus dan kata sandinya tidak akan pernah bisa membuka brankas lagi. Log audit tetap menyimpan riwayatnya. Tindakan ini tidak dapat dibatalkan.',
    resetTitle: 'Atur ulang kata sandi {{name}}?',
    resetBody: 'Kata sandinya yang sekarang langsung tidak berlaku. Anda akan melihat kata sandi sementara untuk diberikan kepadanya.',
    pinTitle: 'PIN baru untuk {{name}}',
    created: 'Akun {{name}} sudah dibuat.',
    pinSaved: 'PIN baru untuk {{name}} sudah disimpan.',
  },
};
