/** Indonesian given names and family names for demo peers: realistic, invented, no real students. */
export const givenNames = [
  'Adit', 'Ayu', 'Bagas', 'Bunga', 'Citra', 'Dimas', 'Dinda', 'Eka', 'Fajar', 'Fitri', 'Galih', 'Gita', 'Hana', 'Ilham',
  'Indah', 'Joko', 'Kartika', 'Lestari', 'Mega', 'Nadia', 'Nanda', 'Okta', 'Putri', 'Rafi', 'Rani', 'Rizky', 'Sekar',
  'Tegar', 'Tiara', 'Wulan', 'Yoga', 'Zahra', 'Bima', 'Salsa', 'Arif', 'Laras',
];

export const familyNames = [
  'Pratama', 'Saputra', 'Lestari', 'Wijaya', 'Hidayat', 'Nugroho', 'Kusuma', 'Santoso', 'Permata', 'Rahmawati',
  'Setiawan', 'Maharani', 'Purnomo', 'Anggraini', 'Siregar', 'Nasution', 'Wibowo', 'Utami', 'Harahap', 'Halim',
];

export const classNames = ['7A', '7B', '7C', '7D', '8A', '8B', '8C', '8D', '9A', '9B', '9C', '9D'];
