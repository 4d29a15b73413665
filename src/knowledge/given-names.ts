import { SSA_FEMALE_NAMES, SSA_MALE_NAMES } from './data/given-names-ssa.js';

/**
 * Common given names with a clear gender in wire copy, written by us (not exhaustive: names missing here
 * simply give no gender). Coreference uses them so that "she" never links to "John Kirby" and "he" never to
 * "Angela Merkel" when no title or earlier pronoun says otherwise.
 */
const FEMALE =
  'Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Margaret Sandra ' +
  'Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura Sharon Cynthia ' +
  'Kathleen Amy Shirley Angela Helen Anna Anne Ann Brenda Pamela Nicole Emma Samantha Katherine Catherine ' +
  'Christine Christina Debra Rachel Carolyn Janet Virginia Maria Heather Diane Julie Joyce Victoria Kelly ' +
  'Lauren Joan Evelyn Olivia Judith Megan Cheryl Martha Andrea Frances Hannah Jacqueline Gloria Teresa ' +
  'Kathryn Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly ' +
  'Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexandra Kayla Hillary ' +
  'Condoleezza Madeleine Nancy Theresa Ursula Christine Federica Angela Jacinda Sanna Giorgia Liz Kamala ' +
  'Nikki Kristi Kristalina Golda Benazir Indira Yulia Ingrid Sonia Dilma Cristina Michelle ' +
  'Marine Segolene Ségolène Laurence Catherine Annalena Saskia Kaja Mette Erna Magdalena Beata Viktoria ' +
  'Svetlana Irina Natalia Natalya Olga Tatiana Tatyana Elena Yelena Ekaterina Yekaterina Valentina Lyudmila ' +
  'Fatima Aisha Ayesha Maryam Mariam Leila Layla Zainab Samira Amina Hind Noura Rania Yasmin Yasmine ' +
  'Ellen Joyce Ngozi Winnie Graca Graça Sahle-Work Samia Hage Nkosazana Luisa Lucia Carmen Isabel Pilar ' +
  'Beatriz Ana Paula Claudia Gabriela Veronica Xiomara Dina Keiko Yuriko Yoko Sanae Tomomi Hasina ' +
  'Mia Mary-Ann Jill Melania Laura Hilary Penny Priti Suella ' +
  'Helena Helene Hélène Lise Ines Inês Sofia Marta Joana Elisa Chiara Francesca Giulia Silvia ' +
  'Nadine Harriet Yvette Diane Emmanuelle Florence Sylvie Nathalie Isabelle Monique Sophie Agnes';
const MALE =
  'James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony ' +
  'Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan ' +
  'Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander ' +
  'Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle ' +
  'Ethan Walter Noah Jeremy Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan ' +
  'Jesse Jordan Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent ' +
  'Ralph Eugene Russell Bobby Mason Philip Louis Barack Bill Jimmy Joseph Jake Ned Antony Lloyd Mike Rex ' +
  'Vladimir Sergei Sergey Dmitry Dmitri Alexei Alexey Andrei Andrey Nikolai Mikhail Ivan Viktor Yuri Igor ' +
  'Boris Volodymyr Oleksandr Petro Emmanuel Nicolas Francois François Jacques Jean-Yves Jean-Marc Olaf ' +
  'Gerhard Helmut Frank-Walter Wolfgang Recep Tayyip Mevlut Hakan Benjamin Yair Naftali Ehud Ariel Shimon ' +
  'Mahmoud Abdel Mohammed Muhammad Mohamed Ahmed Ahmad Ali Hassan Hussein Hossein Omar Khalid Abdullah ' +
  'Abdulaziz Salman Hamad Tamim Bashar Hafez Ismail Ibrahim Youssef Yusuf Mustafa Hamid Ashraf Imran Nawaz ' +
  'Narendra Rahul Manmohan Atal Shinzo Fumio Yoshihide Takeo Taro Yoshimasa Junichiro Naoto Yukio ' +
  'Joko Rodrigo Ferdinand Hun Prayut Cyril Jacob Thabo Nelson Uhuru William Paul Yoweri Muhammadu ' +
  'Bola Felix Félix Joseph-Desire Laurent Denis Idriss Mahamat Macky Alassane Abdel-Fattah Kais Abdelmadjid ' +
  'Luiz Jair Javier Alberto Andres Andrés Nicolas Nicolás Hugo Evo Gustavo Gabriel Sebastian Sebastián ' +
  'Pedro Mariano Silvio Matteo Mario Giuseppe Sergio Enrico Kyriakos Alexis Viktor Andrzej Mateusz Donald ' +
  'Tony Gordon Boris Keir Rishi David Justin Stephen Malcolm Scott Anthony Kevin Chris Carlos Raul Jorge ' +
  'Miguel Manuel Fernando Ricardo Roberto Eduardo Alejandro Hans Klaus Jurgen Dieter Stefan Martin Kofi ' +
  'Marco Joao João Paulo Rui Tiago Luca Marcel Pierre Jean Michel Philippe Alain Bernard Andre André Olivier';

function toMap(list: string, g: 'm' | 'f', into: Map<string, 'm' | 'f' | null>): void {
  for (const n of list.split(/\s+/)) {
    if (!n) continue;
    const k = n.toLowerCase();
    // a name on both lists says nothing
    into.set(k, into.has(k) && into.get(k) !== g ? null : g);
  }
}

const GENDER: ReadonlyMap<string, 'm' | 'f' | null> = (() => {
  const m = new Map<string, 'm' | 'f' | null>();
  toMap(FEMALE, 'f', m);
  toMap(MALE, 'm', m);
  return m;
})();

/**
 * Gender from the US baby-name counts (`data/given-names-ssa.ts`, generated): consulted only for names the
 * hand lists above do not hold, and only for gender: `isGivenName` stays with the hand lists, since many of
 * these names are surnames too ("Mason", "Jackson").
 */
const SSA_GENDER: ReadonlyMap<string, 'm' | 'f'> = (() => {
  const m = new Map<string, 'm' | 'f'>();
  for (const n of SSA_MALE_NAMES.split(' ')) if (n) m.set(n, 'm');
  for (const n of SSA_FEMALE_NAMES.split(' ')) if (n) m.set(n, 'f');
  return m;
})();

/** The gender a given name of the hand lists suggests ("Angela" → f, "John" → m), or null when unknown or ambiguous. */
export function givenNameGender(name: string): 'm' | 'f' | null {
  return GENDER.get(name.toLowerCase()) ?? null;
}

/**
 * The gender of the first word of a full name for coreference ("Tom Adler" → m): the hand lists, then the US
 * counts. Only for a word already known to open a person's name: many of the counted names are words or
 * surnames too, so they decide nothing else (`givenNameGender` and `isGivenName` stay with the hand lists).
 */
export function firstNameGender(name: string): 'm' | 'f' | null {
  const k = name.toLowerCase();
  const hand = GENDER.get(k);
  if (hand !== undefined) return hand;
  return SSA_GENDER.get(k) ?? null;
}

/** True when the word is a given name of either list ("Sharon", "Jordan"): as a bare name it says nothing. */
export function isGivenName(name: string): boolean {
  return GENDER.has(name.toLowerCase());
}
