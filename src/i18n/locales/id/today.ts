import type { Widen } from '../widen';
import type { today as en } from '../en/today';

export const today: Widen<typeof en> = {
  today: {
    title: 'Hari ini',
    intro: 'Yang perlu Anda tangani, dari yang paling mendesak. Setiap baris membuka yang disebutnya.',
    empty: 'Tidak ada yang perlu Anda tangani hari ini. Terima kasih!',
    emptyHint: 'Catatan, kasus, dan pengingat baru akan muncul di sini.',
    loadFailed: 'Daftar hari ini tidak dapat dimuat.',
    more_one: 'dan {{count}} lainnya',
    more_other: 'dan {{count}} lainnya',
    open: 'Buka',
    figures: 'Sekilas',
    urgentCase: 'Kasus mendesak #{{id}} ({{code}}) sudah menunggu {{age}} tanpa ditangani.',
    overdueCase: 'Kasus #{{id}} ({{code}}) lewat tenggat keputusan ({{due}}).',
    logAwaitingReview: 'Periksa catatan {{peer}} tentang {{code}}, dikirim {{when}}.',
    logAwaitingReviewNoCode: 'Periksa catatan {{peer}}, dikirim {{when}}.',
    referralFollowUp: 'Tindak lanjuti rujukan {{code}} ke {{service}} (kasus #{{caseId}}), jatuh tempo {{date}}.',
    actionItem: 'Tindak lanjut Anda: {{text}} (tenggat {{date}}).',
    refresherOverdue: '{{peer}} terlambat penyegaran “{{module}}” (jatuh tempo {{date}}).',
    supervisionOverdue: '{{peer}} terlambat supervisi (jatuh tempo {{date}}).',
    evaluationDue: 'Evaluasi {{peer}} sebelum semester berakhir {{end}} (terakhir dievaluasi {{last}}).',
    evaluationDueNever: 'Evaluasi {{peer}} sebelum semester berakhir {{end}} (belum pernah dievaluasi).',
    who5FollowUp: 'Ukur WHO-5 lagi untuk {{code}}: pengukuran lanjutan jatuh tempo {{date}}.',
    returnedLog: 'Catatan {{peer}} tanggal {{date}} dikembalikan untuk diperbaiki pada {{returned}} dan belum dikirim lagi.',
    age: {
      justNow: 'kurang dari satu menit',
      minutes: '{{count}} menit',
      hours: '{{count}} jam',
      days: '{{count}} hari',
    },
    peer: {
      returnedTitle: 'Catatanmu tanggal {{date}} dikembalikan untuk diperbaiki',
      returnedBy: '{{name}} menulis:',
      correct: 'Buka dan perbaiki catatan',
      moreReturned_one: 'dan {{count}} catatan lain yang dikembalikan, di daftar di bawah.',
      moreReturned_other: 'dan {{count}} catatan lain yang dikembalikan, di daftar di bawah.',
    },
  },
};
