import type { Widen } from '../widen';
import type { jobs as en } from '../en/jobs';

export const jobs: Widen<typeof en> = {
  jobs: {
    starting: 'Memulai…',
    line: '{{step}}… {{percent}}%',
    count: '{{done}} dari {{total}}',
    alreadyRunning: 'Proses ini sedang berjalan. Tunggu sampai selesai; sementara itu Anda tetap dapat bekerja di bagian lain Sebaya.',
    keepWorking: 'Selama proses ini berjalan, Anda tetap dapat bekerja di bagian lain Sebaya.',
    steps: {
      snapshot: 'Memotret isi brankas',
      writing: 'Menyalin brankas ke folder cadangan',
      verifying: 'Membaca ulang salinan untuk memeriksanya',
      finishing: 'Menyelesaikan berkas cadangan',
      rotating: 'Merapikan cadangan lama',
      'reading-file': 'Membaca berkas cadangan',
      opening: 'Membuka cadangan dengan kata sandi atau kunci pemulihan',
      copying: 'Membuka isi cadangan untuk diperiksa',
      'checking-pages': 'Memeriksa enkripsi setiap halaman',
      'checking-structure': 'Memeriksa keutuhan susunan catatan',
      'checking-audit': 'Memeriksa log audit, entri demi entri',
      counting: 'Menghitung catatan',
      figures: 'Menghitung angka semester',
      'writing-pdf': 'Menyusun PDF',
      'reading-rows': 'Membaca baris-baris berkas',
      saving: 'Menyimpan konselor sebaya ke brankas',
    },
  },
};
