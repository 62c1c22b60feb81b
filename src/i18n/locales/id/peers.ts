import type { Widen } from '../widen';
import type { peers as en } from '../en/peers';

export const peers: Widen<typeof en> = {
  peers: {
    title: 'Konselor sebaya',
    intro: 'Siswa dalam program konselor sebaya Anda.',
    add: 'Tambah konselor sebaya',
    editTitle: 'Ubah {{name}}',
    addTitle: 'Tambah konselor sebaya',
    fullName: 'Nama lengkap',
    className: 'Kelas',
    status: 'Status',
    updated: 'Terakhir diubah',
    searchPlaceholder: 'Cari nama atau kelas',
    empty: 'Belum ada konselor sebaya.',
    emptyHint:
      'Tambahkan siswa yang dinominasikan untuk program. Statusnya dapat diubah seiring mereka menjalani seleksi dan pelatihan.',
    created: '{{name}} sudah ditambahkan.',
    saved: 'Perubahan untuk {{name}} sudah disimpan.',
    count: '{{count}} konselor sebaya',
    ownProfile: 'Profil Anda',
  },
  peerStatus: {
    nominated: 'Dinominasikan',
    interviewing: 'Wawancara',
    selected: 'Terpilih',
    in_training: 'Dalam pelatihan',
    active: 'Aktif',
    paused: 'Jeda',
    alumni: 'Alumni',
    withdrawn: 'Mengundurkan diri',
  },
};
