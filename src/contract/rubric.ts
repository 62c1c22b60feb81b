import type { Bilingual } from './instruments';

/**
 * The peer competency rubric (issue 5): six competencies, each scored 1 to 4,
 * with what each level looks like in both languages. Data, so the evaluation
 * form, the profile chart and the report all read the same words.
 */
export const competencies = ['active_listening', 'empathy', 'confidentiality', 'limits_and_referral', 'record_keeping', 'reliability'] as const;
export type Competency = (typeof competencies)[number];

export const rubricLevels = [1, 2, 3, 4] as const;
export type RubricLevel = (typeof rubricLevels)[number];

export const levelNames: Record<RubricLevel, Bilingual> = {
  1: { en: 'Beginning', id: 'Mulai belajar' },
  2: { en: 'Developing', id: 'Berkembang' },
  3: { en: 'Competent', id: 'Cakap' },
  4: { en: 'Strong', id: 'Sangat cakap' },
};

export const rubric: Record<Competency, { name: Bilingual; levels: Record<RubricLevel, Bilingual> }> = {
  active_listening: {
    name: { en: 'Active listening', id: 'Mendengarkan aktif' },
    levels: {
      1: {
        en: 'Often interrupts or jumps to advice; the friend has little room to tell their story.',
        id: 'Sering memotong atau langsung menasihati; teman hampir tidak punya ruang untuk bercerita.',
      },
      2: {
        en: 'Listens, but asks mostly closed questions and seldom checks what they heard.',
        id: 'Mendengarkan, tetapi lebih banyak bertanya tertutup dan jarang memastikan apa yang didengar.',
      },
      3: {
        en: 'Gives full attention, asks open questions and sums up what the friend said.',
        id: 'Memberi perhatian penuh, bertanya terbuka, dan merangkum cerita teman.',
      },
      4: {
        en: 'Listens so well the friend feels understood; reflects feelings and lets silences be.',
        id: 'Mendengarkan dengan sangat baik sehingga teman merasa dipahami; memantulkan perasaan dan tidak takut pada diam.',
      },
    },
  },
  empathy: {
    name: { en: 'Empathy', id: 'Empati' },
    levels: {
      1: { en: 'Judges, blames or makes light of how the friend feels.', id: 'Menghakimi, menyalahkan, atau meremehkan perasaan teman.' },
      2: {
        en: 'Means well, but shows pity or talks about their own experience instead.',
        id: 'Bermaksud baik, tetapi menunjukkan rasa kasihan atau malah menceritakan pengalamannya sendiri.',
      },
      3: { en: 'Shows they understand the feeling without judging.', id: 'Menunjukkan bahwa ia memahami perasaan teman tanpa menghakimi.' },
      4: {
        en: 'Stays warm and steady even with strong feelings; the friend feels accepted.',
        id: 'Tetap hangat dan tenang walau perasaan teman sangat kuat; teman merasa diterima.',
      },
    },
  },
  confidentiality: {
    name: { en: 'Confidentiality', id: 'Menjaga kerahasiaan' },
    levels: {
      1: { en: 'Has talked about a friend’s story with others.', id: 'Pernah membicarakan cerita teman kepada orang lain.' },
      2: {
        en: 'Keeps stories private, but is unsure when something must go to the counselor.',
        id: 'Menjaga cerita tetap rahasia, tetapi ragu kapan sesuatu wajib disampaikan kepada guru BK.',
      },
      3: {
        en: 'Keeps stories private and knows the limits of confidentiality.',
        id: 'Menjaga cerita tetap rahasia dan memahami batas kerahasiaan.',
      },
      4: {
        en: 'Explains the limits to the friend at the start and handles them with care.',
        id: 'Menjelaskan batas kerahasiaan kepada teman sejak awal dan menanganinya dengan hati-hati.',
      },
    },
  },
  limits_and_referral: {
    name: { en: 'Knowing the limits of the role and referring', id: 'Memahami batas peran dan merujuk' },
    levels: {
      1: {
        en: 'Tries to handle serious problems alone, or misses warning signs.',
        id: 'Mencoba menangani masalah berat sendirian, atau tidak menangkap tanda bahaya.',
      },
      2: {
        en: 'Recognises serious problems but passes them on late or hesitantly.',
        id: 'Mengenali masalah berat, tetapi terlambat atau ragu menyampaikannya.',
      },
      3: {
        en: 'Passes on anything beyond the role to the counselor the same day.',
        id: 'Menyampaikan apa pun yang di luar perannya kepada guru BK pada hari itu juga.',
      },
      4: {
        en: 'Refers promptly and helps the friend feel ready to accept help.',
        id: 'Merujuk dengan cepat dan membantu teman merasa siap menerima bantuan.',
      },
    },
  },
  record_keeping: {
    name: { en: 'Record keeping', id: 'Pencatatan' },
    levels: {
      1: { en: 'Logs are missing, late or hard to follow.', id: 'Catatan sesi tidak ada, terlambat, atau sulit dipahami.' },
      2: { en: 'Logs are written but often returned for changes.', id: 'Catatan sesi ditulis, tetapi sering dikembalikan untuk diperbaiki.' },
      3: {
        en: 'Logs are on time, brief and factual, without diagnoses.',
        id: 'Catatan sesi tepat waktu, singkat, dan berisi fakta, tanpa diagnosis.',
      },
      4: {
        en: 'Logs are consistently clear, complete and respectful of the friend.',
        id: 'Catatan sesi selalu jelas, lengkap, dan menghormati teman.',
      },
    },
  },
  reliability: {
    name: { en: 'Reliability', id: 'Dapat diandalkan' },
    levels: {
      1: { en: 'Often misses duty times or supervision.', id: 'Sering tidak hadir saat piket atau supervisi.' },
      2: { en: 'Usually present, but follow-ups slip.', id: 'Biasanya hadir, tetapi tindak lanjut sering terlewat.' },
      3: { en: 'Keeps duty times, supervision and agreed follow-ups.', id: 'Menepati jadwal piket, supervisi, dan tindak lanjut yang disepakati.' },
      4: {
        en: 'Dependable in every way and an example to other peers.',
        id: 'Dapat diandalkan dalam segala hal dan menjadi contoh bagi konselor sebaya lain.',
      },
    },
  },
};
