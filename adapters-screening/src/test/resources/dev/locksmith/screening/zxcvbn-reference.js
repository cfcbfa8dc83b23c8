// Generates zxcvbn-reference.tsv, the differential test set of ZxcvbnStrengthEstimatorDifferentialTest: passwords
// of many kinds, each with the user inputs passed to both estimators, scored once by the reference zxcvbn 4.4.2
// (Dropbox's JavaScript). Deterministic: the same script gives the same file.
//
// How it was run (Node 20.20.2, npm registry):
//   mkdir -p /tmp/zx && cd /tmp/zx && npm install zxcvbn@4.4.2
//   NODE_PATH=/tmp/zx/node_modules node zxcvbn-reference.js > zxcvbn-reference.tsv
//
// Output: '#' comment lines, then one line per password, tab-separated:
//   category, reference score (0 to 4), reference log10(guesses) rounded to 2 places, password, user inputs...
// No password or user input contains a tab or a line break.
'use strict';
const zxcvbn = require('zxcvbn');
const lists = require('zxcvbn/lib/frequency_lists');
const version = require('zxcvbn/package.json').version;
if (version !== '4.4.2') {
  throw new Error('expected zxcvbn 4.4.2, found ' + version);
}

// mulberry32: a small seeded generator, so the set is reproducible.
let seed = 17;
function random() {
  seed |= 0; seed = seed + 0x6D2B79F5 | 0;
  let t = Math.imul(seed ^ seed >>> 15, 1 | seed);
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
  return ((t ^ t >>> 14) >>> 0) / 4294967296;
}
const pick = (array) => array[Math.floor(random() * array.length)];
const randomString = (alphabet, length) => {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
};
const capitalize = (w) => w.charAt(0).toUpperCase() + w.slice(1);

const USERS = {
  none: [],
  jdoe: ['jdoe', 'John Doe', 'john.doe@example.org'],
  qv: ['qvantasseur', 'Quillbrook Vantasseur', 'quillbrook.vantasseur@example.org'],
  mp: ['mpetrova', 'Мария Петрова', 'maria.petrova@example.ru'],
  tt: ['ttanaka', '田中 太郎', 'taro.tanaka@example.jp'],
  ak: ['akowalczyk', 'Agnieszka Kowalczyk', 'a.kowalczyk@firma.pl'],
};
const rows = [];
function add(category, password, user) {
  if (/[\t\r\n]/.test(password)) throw new Error('tab or line break in ' + category);
  rows.push({category, password, inputs: USERS[user || 'none']});
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = LOWER + LOWER.toUpperCase() + '0123456789';
const PRINTABLE = ALNUM + '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ ';
const HEX = '0123456789abcdef';
const pw = lists.passwords;
const words = lists.english_wikipedia.filter((w) => w.length >= 3);
const years = ['1987', '1999', '2001', '2019', '2023', '2024', '2025'];

// Common passwords: the top of zxcvbn's own list and a spread further down, as typed and lightly decorated.
for (let i = 0; i < 40; i++) add('common', pw[i]);
for (let i = 0; i < 40; i++) add('common', pw[100 + i * 700]);
for (let i = 0; i < 30; i++) {
  const base = pw[Math.floor(random() * 5000)];
  add('common', pick([capitalize(base) + '1', base + '!', capitalize(base) + pick(years), base + '123', base.toUpperCase()]));
}
['Password1', 'Password1!', 'Welcome1', 'Welcome123!', 'Summer2024!', 'Winter2023', 'Spring2025!', 'Letmein1!',
  'Qwerty123!', 'Admin123', 'Changeme1', 'Iloveyou2', 'Monkey2019', 'Dragon!!', 'Football1'].forEach((p) => add('common', p));

// Random strings of several lengths and alphabets.
for (const length of [6, 8, 10, 12, 16, 20]) {
  for (let i = 0; i < 6; i++) add('random', randomString(LOWER, length));
  for (let i = 0; i < 6; i++) add('random', randomString(ALNUM, length));
  for (let i = 0; i < 6; i++) add('random', randomString(PRINTABLE.trim(), length));
}
for (let i = 0; i < 6; i++) add('random', randomString(HEX, 32));
for (let i = 0; i < 6; i++) add('random', randomString('0123456789', 4 + 2 * i));

// Passphrases: two to six common words, with and without separators.
for (let n = 2; n <= 6; n++) {
  for (let i = 0; i < 12; i++) {
    const chosen = [];
    for (let k = 0; k < n; k++) chosen.push(words[Math.floor(random() * (n <= 3 ? 2000 : 20000))]);
    add('passphrase', chosen.join(pick([' ', '-', '', '.', '_'])) + (i % 4 === 0 ? pick(years) : ''));
  }
}
['correcthorsebatterystaple', 'correct horse battery staple', 'Tr0ub4dor&3', 'my cat likes blue cheese on tuesdays',
  'purple-monkey-dishwasher-42', 'kitten-piano', 'sixty-seven-cats', 'iloveyouforever', 'thequickbrownfox'].forEach((p) => add('passphrase', p));

// Keyboard patterns (qwerty, dvorak, keypads), plain, shifted and turned.
['qwerty', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'zxcvbn', '1qaz2wsx', 'qazwsx', '!QAZ2wsx', 'zaq12wsx', '1q2w3e4r',
  '1q2w3e4r5t', 'qweasdzxc', 'poiuytrewq', 'mnbvcxz', 'asdfjkl;', 'qwer1234', 'QWERTYUIOP', 'Qwertyuiop1',
  '147258369', '789456123', '159753', '1234qwer', 'qwe123qwe', 'aoeuidhtns', 'pyfgcrl', "',.pyfgcrl", 'yxcvbnm',
  'azertyuiop', 'qwertzuiop', '2wsx3edc4rfv', 'xsw2zaq1', '!@#$%^&*', ')(*&^%$#@!', '1qazxsw23edcvfr4',
  'zxcvbnm,./', 'qwerty!@#', 'asdasdasd', 'qwe!@#QWE', '6yhn7ujm', 'rfvtgbyhn', 'wsxedcrfv', 'hjkl;\''
].forEach((p) => add('keyboard', p));

// Dates in many notations, alone and with words.
['12-25-1987', '1987-12-25', '25.12.1987', '19871225', '12251987', '25121987', '12/25/87', '1/1/2000', '2000-01-01',
  '31.12.1999', '07041776', '1987', '2024', '19990909', '01011990', '11-11-2011', '3.14.2015', '05/05/05',
  'june1987', 'June-12-1987', 'john1987', 'born1985!', '1985born', 'may2024!', 'Dec25th1987', '20240229',
  '19450508', '1987.12.25', '87-12-25', '121287'].forEach((p) => add('date', p));
for (let i = 0; i < 10; i++) {
  const d = 1 + Math.floor(random() * 28); const m = 1 + Math.floor(random() * 12); const y = 1950 + Math.floor(random() * 75);
  add('date', pick([`${d}${m}${y}`, `${m}-${d}-${y}`, `${y}/${m}/${d}`, `${words[i * 17]}${d}.${m}.${y}`]));
}

// Repeats of words, passwords and patterns.
['Summer2024!Summer2024!', 'Password1!Password1!Password1!', 'qwertyuiopqwertyuiop', 'abcabcabc', 'aaaaaaaa',
  'aaaaaaaaaaaaaaaa', 'zzzzzzzzzz', '1111111111', '12341234', '123123123123', 'abab', 'hellohello', 'HelloHello!',
  'monkeymonkeymonkey', 'ilovejessicailovejessica', 'asdfasdfasdf', 'xyzxyzxyzxyz', '!!!!!!!!', '........',
  'dogcatdogcat', 'la la la la la', 'na na na na na na na na batman', 'blahblahblah', 'WinterWinterWinter',
  '2024202420242024', 'qwerty qwerty', 'Tr0ub4dor&3Tr0ub4dor&3', 'p@ssp@ssp@ss', 'abc123abc123', 'passwordpassword'
].forEach((p) => add('repeat', p));
for (let i = 0; i < 10; i++) {
  const base = randomString(ALNUM, 3 + i % 5);
  add('repeat', base.repeat(2 + i % 3));
}

// l33t spellings of common words.
['P@ssw0rd', 'p4ssw0rd', 'P4$$w0rd', 'p@$$w0rd!', 'l3tm31n', '5umm3r2024', 'w3lc0m3', 'dr4g0n', 'm0nk3y', 'sh4d0w',
  'tr0ub4dor', '1l0v3y0u', 'h4x0r', 'l33th4x0r', 'b4s3b4ll', 'f00tb4ll', 'pr1nc3ss', 'm4st3r', 'jo$hua', '$uper$tar',
  'ch4ng3m3', '4dm1n1str4t0r', 'c0mput3r', '5t4rw4r5', 'qu33n', 'j3nn1f3r', 'P@55w0rd!', 'M1cr0s0ft', 'G00gl3!',
  'n1nj4', 'hunt3r2', 'tr1n1ty', 'm4tr1x', '1nt3rn3t', 'p4s5w0rd123', 'l0v3ly', 'b3tt3r', 'S3cur1ty!', 'Adm1n!',
  'w1nt3r2023', 'sp|d3rm4n', '(h0c0l4t3', 'b1gb0$$', 'k1tt3n5', 'h3ll0w0rld', '4pp13', 'b@n@n@', 'c@tc@t', '$h0pp1ng', 'p1zz4'
].forEach((p) => add('l33t', p));

// Sequences.
['abcdefgh', 'acegikmo', 'abcdefghijklmnop', 'zyxwvuts', '13579', '2468101214', '97531', 'bdfhjlnp', 'ABCDEFG1',
  'abcdef123456', '123456789012', '987654321', 'aceg1357', 'ZYXWVUTSRQ', 'αβγδεζηθ', 'абвгдежз', 'hijklmn', 'klmnopqrs',
  'xyz123', 'mnopqr!'].forEach((p) => add('sequence', p));

// Non-ASCII: other scripts, accents, compatibility forms (Locksmith normalizes these with NFKC) and emoji.
['пароль', 'Пароль123', 'парольпароль', 'qwertyйцукен', 'йцукен', 'йцукенгшщзхъ', 'привет', 'любовь2024', 'パスワード',
  'ぱすわーど', 'パスワード123', 'あいうえお', '密码', '密码123456', '我爱你', '비밀번호', 'contraseña', 'Contraseña1',
  'mot de passe', 'motdepasse', 'Passwört', 'Schlüssel', 'München1972', 'Ærøskøbing', 'żółć', 'Zażółć gęślą jaźń',
  'ελληνικά', 'Καλημέρα', 'שלוםשלום', 'مرحبا', 'كلمةالسر', 'पासवर्ड', 'नमस्ते दुनिया', 'ｐａｓｓｗｏｒｄ', 'ＰＡＳＳＷＯＲＤ',
  'ｑｗｅｒｔｙ１２３', 'password¹', 'ﬁshing', 'Ｆｅｒｒａｒｉ', '①②③④⑤⑥', 'ⅰⅱⅲⅳ', '🔑🔑🔑🔑', '🐶🐱🐭🐹🐰🦊',
  'ilove❤you', 'café au lait', 'naïve-résumé', 'Ålesund2019', 'Ноутбук-Дом-Кот-42', '猫と犬と鳥', '日本語のパスワード'
].forEach((p) => add('non-ascii', p));

// Containing the user's own name, username or email.
['jdoeqdfqh4', 'jdoe', 'jdoe1', 'jdoe2024!', 'Jdoe1987', 'JohnDoe', 'johndoe123', 'John Doe', 'doejohn', 'john.doe',
  'john.doe@example.org', 'Doe!John!', 'eodj', 'jdoejdoe', 'xX_jdoe_Xx', 'jdoe-secret-42', 'jdoeVq7#mZ2p!xL9',
  'examplejdoe'].forEach((p) => add('user', p, 'jdoe'));
['qvantasseur', 'Qvantasseur2024!', 'QuillbrookVantasseur', 'vantasseur', 'Vantasseur!Quillbrook', 'quillbrook',
  'quillbrook.vantasseur', 'ruessatnavq', 'qvantasseur-qvantasseur', 'Qvantasseur2024!-purple-monkey'].forEach((p) => add('user', p, 'qv'));
['mpetrova', 'mpetrova1990', 'МарияПетрова', 'мария', 'Петрова2024', 'maria.petrova', 'petrova!'].forEach((p) => add('user', p, 'mp'));
['ttanaka', 'ttanaka123', '田中太郎', '田中', 'taro.tanaka', 'tanakataro'].forEach((p) => add('user', p, 'tt'));
['akowalczyk', 'Kowalczyk1', 'agnieszka', 'a.kowalczyk', 'firma2024', 'AgnieszkaK!'].forEach((p) => add('user', p, 'ak'));
// Unrelated passwords with user inputs present, so inputs that match nothing change nothing.
['Vq7#mZ2p!xL9', 'password', 'correct horse battery', 'Summer2024!'].forEach((p) => add('user', p, 'jdoe'));

// Long: up to and beyond the default policy maximum of 128 characters.
for (const length of [40, 64, 100, 128, 129, 150, 200]) {
  add('long', randomString(ALNUM, length));
  add('long', randomString(PRINTABLE.trim(), length));
  const chosen = [];
  while (chosen.join(' ').length < length) chosen.push(words[Math.floor(random() * 5000)]);
  add('long', chosen.join(' ').slice(0, length));
}
['a'.repeat(100), 'a'.repeat(128), 'ab'.repeat(64), 'password'.repeat(16), '1'.repeat(129), 'Summer2024!'.repeat(12),
  'qwertyuiop'.repeat(13), 'correct horse battery staple '.repeat(5), '0123456789'.repeat(13),
  'The quick brown fox jumps over the lazy dog. '.repeat(3)].forEach((p) => add('long', p));

const out = [];
out.push('# Reference scores of zxcvbn ' + version + ' (Dropbox, npm package zxcvbn@' + version + '),');
out.push('# generated by zxcvbn-reference.js next to this file; see its header for how it was run.');
out.push('# category\treference score\treference log10(guesses)\tpassword\tuser inputs...');
const seen = new Set();
for (const row of rows) {
  const key = row.password + '\u0000' + row.inputs.join('\u0000');
  if (seen.has(key)) continue;
  seen.add(key);
  const result = zxcvbn(row.password, row.inputs);
  out.push([row.category, result.score, result.guesses_log10.toFixed(2), row.password, ...row.inputs].join('\t'));
}
process.stdout.write(out.join('\n') + '\n');
process.stderr.write((out.length - 3) + ' passwords\n');
