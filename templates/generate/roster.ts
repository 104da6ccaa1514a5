// Who may come to a synthetic ATT meeting: delegations (real States with their ISO codes, real kinds
// of organisations) and pools of fictional people's names from many regions and languages.
// The treaty's membership is public; the category each State gets here is illustrative only.

export type Region = 'africa' | 'arab' | 'asia' | 'europe' | 'eastEurope' | 'latin' | 'pacific' | 'anglo';

export interface RosterState {
  readonly name: string;
  readonly code: string;
  readonly region: Region;
}

const S = (name: string, code: string, region: Region): RosterState => ({ name, code, region });

/** 110 States listed as States Parties. */
export const STATES_PARTIES: readonly RosterState[] = [
  S('Albania', 'ALB', 'eastEurope'), S('Andorra', 'AND', 'europe'), S('Antigua and Barbuda', 'ATG', 'latin'), S('Argentina', 'ARG', 'latin'),
  S('Australia', 'AUS', 'anglo'), S('Austria', 'AUT', 'europe'), S('Bahamas', 'BHS', 'latin'), S('Barbados', 'BRB', 'latin'),
  S('Belgium', 'BEL', 'europe'), S('Belize', 'BLZ', 'latin'), S('Benin', 'BEN', 'africa'), S('Bosnia and Herzegovina', 'BIH', 'eastEurope'),
  S('Brazil', 'BRA', 'latin'), S('Bulgaria', 'BGR', 'eastEurope'), S('Burkina Faso', 'BFA', 'africa'), S('Cabo Verde', 'CPV', 'africa'),
  S('Cameroon', 'CMR', 'africa'), S('Canada', 'CAN', 'anglo'), S('Central African Republic', 'CAF', 'africa'), S('Chad', 'TCD', 'africa'),
  S('Chile', 'CHL', 'latin'), S('China', 'CHN', 'asia'), S('Costa Rica', 'CRI', 'latin'), S("Côte d'Ivoire", 'CIV', 'africa'),
  S('Croatia', 'HRV', 'eastEurope'), S('Cyprus', 'CYP', 'europe'), S('Czechia', 'CZE', 'eastEurope'), S('Denmark', 'DNK', 'europe'),
  S('Dominica', 'DMA', 'latin'), S('Dominican Republic', 'DOM', 'latin'), S('Ecuador', 'ECU', 'latin'), S('El Salvador', 'SLV', 'latin'),
  S('Estonia', 'EST', 'eastEurope'), S('Finland', 'FIN', 'europe'), S('France', 'FRA', 'europe'), S('Georgia', 'GEO', 'eastEurope'),
  S('Germany', 'DEU', 'europe'), S('Ghana', 'GHA', 'africa'), S('Greece', 'GRC', 'europe'), S('Grenada', 'GRD', 'latin'),
  S('Guatemala', 'GTM', 'latin'), S('Guinea', 'GIN', 'africa'), S('Guyana', 'GUY', 'latin'), S('Honduras', 'HND', 'latin'),
  S('Hungary', 'HUN', 'eastEurope'), S('Iceland', 'ISL', 'europe'), S('Ireland', 'IRL', 'anglo'), S('Italy', 'ITA', 'europe'),
  S('Jamaica', 'JAM', 'latin'), S('Japan', 'JPN', 'asia'), S('Kazakhstan', 'KAZ', 'eastEurope'), S('Latvia', 'LVA', 'eastEurope'),
  S('Lebanon', 'LBN', 'arab'), S('Lesotho', 'LSO', 'africa'), S('Liberia', 'LBR', 'africa'), S('Liechtenstein', 'LIE', 'europe'),
  S('Lithuania', 'LTU', 'eastEurope'), S('Luxembourg', 'LUX', 'europe'), S('Madagascar', 'MDG', 'africa'), S('Maldives', 'MDV', 'asia'),
  S('Mali', 'MLI', 'africa'), S('Malta', 'MLT', 'europe'), S('Mauritania', 'MRT', 'arab'), S('Mauritius', 'MUS', 'africa'),
  S('Mexico', 'MEX', 'latin'), S('Monaco', 'MCO', 'europe'), S('Montenegro', 'MNE', 'eastEurope'), S('Mozambique', 'MOZ', 'africa'),
  S('Namibia', 'NAM', 'africa'), S('Netherlands', 'NLD', 'europe'), S('New Zealand', 'NZL', 'anglo'), S('Niger', 'NER', 'africa'),
  S('Nigeria', 'NGA', 'africa'), S('North Macedonia', 'MKD', 'eastEurope'), S('Norway', 'NOR', 'europe'), S('Palau', 'PLW', 'pacific'),
  S('Palestine', 'PSE', 'arab'), S('Panama', 'PAN', 'latin'), S('Paraguay', 'PRY', 'latin'), S('Peru', 'PER', 'latin'),
  S('Philippines', 'PHL', 'asia'), S('Poland', 'POL', 'eastEurope'), S('Portugal', 'PRT', 'europe'), S('Republic of Korea', 'KOR', 'asia'),
  S('Republic of Moldova', 'MDA', 'eastEurope'), S('Romania', 'ROU', 'eastEurope'), S('Saint Kitts and Nevis', 'KNA', 'latin'), S('Saint Lucia', 'LCA', 'latin'),
  S('Samoa', 'WSM', 'pacific'), S('San Marino', 'SMR', 'europe'), S('Senegal', 'SEN', 'africa'), S('Serbia', 'SRB', 'eastEurope'),
  S('Seychelles', 'SYC', 'africa'), S('Sierra Leone', 'SLE', 'africa'), S('Slovakia', 'SVK', 'eastEurope'), S('Slovenia', 'SVN', 'eastEurope'),
  S('South Africa', 'ZAF', 'africa'), S('Spain', 'ESP', 'europe'), S('Suriname', 'SUR', 'latin'),
  S('Sweden', 'SWE', 'europe'), S('Switzerland', 'CHE', 'europe'), S('Togo', 'TGO', 'africa'), S('Trinidad and Tobago', 'TTO', 'latin'),
  S('Tuvalu', 'TUV', 'pacific'), S('United Kingdom', 'GBR', 'anglo'), S('Uruguay', 'URY', 'latin'), S('Zambia', 'ZMB', 'africa'),
  S('Botswana', 'BWA', 'africa'), S('Niue', 'NIU', 'pacific'), S('Saint Vincent and the Grenadines', 'VCT', 'latin'),
];

/** 25 signatory States. */
export const SIGNATORY_STATES: readonly RosterState[] = [
  S('Angola', 'AGO', 'africa'), S('Bahrain', 'BHR', 'arab'), S('Burundi', 'BDI', 'africa'), S('Cambodia', 'KHM', 'asia'),
  S('Colombia', 'COL', 'latin'), S('Comoros', 'COM', 'africa'), S('Congo', 'COG', 'africa'), S('Djibouti', 'DJI', 'africa'),
  S('Eswatini', 'SWZ', 'africa'), S('Gabon', 'GAB', 'africa'), S('Haiti', 'HTI', 'latin'), S('Israel', 'ISR', 'europe'),
  S('Kiribati', 'KIR', 'pacific'), S('Libya', 'LBY', 'arab'), S('Malawi', 'MWI', 'africa'), S('Malaysia', 'MYS', 'asia'),
  S('Mongolia', 'MNG', 'asia'), S('Rwanda', 'RWA', 'africa'), S('Sao Tome and Principe', 'STP', 'africa'), S('Singapore', 'SGP', 'asia'),
  S('Thailand', 'THA', 'asia'), S('Türkiye', 'TUR', 'eastEurope'), S('Ukraine', 'UKR', 'eastEurope'), S('United Arab Emirates', 'ARE', 'arab'),
  S('Zimbabwe', 'ZWE', 'africa'),
];

/** A few observer States. */
export const OBSERVER_STATES: readonly RosterState[] = [
  S('Egypt', 'EGY', 'arab'), S('India', 'IND', 'asia'), S('Indonesia', 'IDN', 'asia'), S('Viet Nam', 'VNM', 'asia'),
];

export interface RosterOrganisation {
  readonly name: string;
  readonly short: string;
}

const O = (name: string, short: string): RosterOrganisation => ({ name, short });

export const ORGANISATIONS: readonly RosterOrganisation[] = [
  O('United Nations Office for Disarmament Affairs (UNODA)', 'UNODA'),
  O('United Nations Institute for Disarmament Research (UNIDIR)', 'UNIDIR'),
  O('United Nations Office on Drugs and Crime (UNODC)', 'UNODC'),
  O('United Nations Development Programme (UNDP)', 'UNDP'),
  O('European Union', 'EU'),
  O('International Committee of the Red Cross (ICRC)', 'ICRC'),
  O('INTERPOL', 'INTERPOL'),
  O('Organization for Security and Co-operation in Europe (OSCE)', 'OSCE'),
  O('African Union', 'AU'),
  O('Organization of American States (OAS)', 'OAS'),
];

export const CIVIL_SOCIETY: readonly RosterOrganisation[] = [
  O('Control Arms', 'CA'), O('Amnesty International', 'AI'), O('Saferworld', 'SW'), O('Stockholm International Peace Research Institute (SIPRI)', 'SIPRI'),
  O('Small Arms Survey', 'SAS'), O('Stimson Center', 'STIM'), O("Women's International League for Peace and Freedom (WILPF)", 'WILPF'), O('Oxfam', 'OXF'),
  O('Forum on the Arms Trade', 'FAT'), O('Conflict Armament Research', 'CAR'), O('Parliamentarians for Global Action', 'PGA'), O('International Action Network on Small Arms (IANSA)', 'IANSA'),
  O('Arms Control Association', 'ACA'), O('Geneva Centre for Security Sector Governance (DCAF)', 'DCAF'), O('Geneva Academy of International Humanitarian Law and Human Rights', 'GA'), O('Human Rights Watch', 'HRW'),
  O('Pax', 'PAX'), O('Project Ploughshares', 'PP'), O('Permanent Peace Movement', 'PPM'), O('West Africa Action Network on Small Arms (WAANSA)', 'WAANSA'),
  O('Latin American Coalition for the Prevention of Armed Violence (CLAVE)', 'CLAVE'), O('Centre for Armed Violence Reduction', 'CAVR'), O('Instituto Sou da Paz', 'ISDP'), O('Mines Action Canada', 'MAC'),
];

export const INDUSTRY: readonly RosterOrganisation[] = [
  O('AeroSpace and Defence Industries Association of Europe (ASD)', 'ASD'),
  O('Aerospace Industries Association (AIA)', 'AIA'),
  O('ADS Group', 'ADS'),
  O('Federation of German Security and Defence Industries (BDSV)', 'BDSV'),
  O('French Land and Airland Defence and Security Industries Association (GICAT)', 'GICAT'),
  O('Italian Industries Federation for Aerospace, Defence and Security (AIAD)', 'AIAD'),
];

export interface NamePool {
  readonly women: readonly string[];
  readonly men: readonly string[];
  readonly family: readonly string[];
}

/** Fictional people: given and family names drawn independently, so no real person is meant. */
export const NAMES: { readonly [R in Region]: NamePool } = {
  africa: {
    women: ['Amina', 'Fatou', 'Ngozi', 'Thandiwe', 'Abena', 'Wanjiru', 'Aissatou', 'Chipo', 'Nomvula', 'Adaeze', 'Mariam', 'Esi', 'Lindiwe', 'Awa', 'Kagiso', 'Naledi', 'Yaa', 'Rokia'],
    men: ['Kwame', 'Oluwaseun', 'Moussa', 'Thabo', 'Kofi', 'Ibrahima', 'Tendai', 'Chukwuemeka', 'Sipho', 'Mamadou', 'Jabari', 'Kagame', 'Abdoulaye', 'Tafadzwa', 'Yaw', 'Lamine', 'Bongani', 'Ousmane'],
    family: ['Diallo', 'Okonkwo', 'Mensah', 'Ndlovu', 'Traoré', 'Mwangi', 'Banda', 'Keita', 'Adeyemi', 'Dlamini', 'Sow', 'Owusu', 'Nkosi', 'Kamara', 'Osei', 'Moyo', 'Coulibaly', 'Achieng', 'Sithole', 'Boateng', 'Ouedraogo', 'Mokoena', 'Touré', 'Eze'],
  },
  arab: {
    women: ['Layla', 'Rania', 'Nour', 'Yasmin', 'Salma', 'Huda', 'Mariam', 'Dalia', 'Rim', 'Lina', 'Samira', 'Hala'],
    men: ['Omar', 'Karim', 'Youssef', 'Tarek', 'Hassan', 'Khalil', 'Samir', 'Walid', 'Nabil', 'Faisal', 'Ziad', 'Rami'],
    family: ['Haddad', 'Khoury', 'Mansour', 'El-Amin', 'Saleh', 'Nasser', 'Farouk', 'Aziz', 'Hamdan', 'Rahal', 'Qasim', 'Sabbagh', 'Touma', 'Bakri'],
  },
  asia: {
    women: ['Mei', 'Yuki', 'Ji-woo', 'Ananya', 'Siti', 'Linh', 'Priya', 'Hana', 'Xiaoling', 'Maria Luisa', 'Nurul', 'Aiko', 'Thuy', 'Dewi'],
    men: ['Wei', 'Hiroshi', 'Min-jun', 'Arjun', 'Budi', 'Minh', 'Rahul', 'Kenji', 'Jun', 'Jose Miguel', 'Rizal', 'Takeshi', 'Somchai', 'Haruto'],
    family: ['Wang', 'Tanaka', 'Kim', 'Sharma', 'Santoso', 'Nguyen', 'Reyes', 'Sato', 'Li', 'Park', 'Gupta', 'Tan', 'Lim', 'Suzuki', 'Chen', 'Bautista', 'Rahman', 'Yamamoto'],
  },
  europe: {
    women: ['Sophie', 'Anna', 'Ingrid', 'Claire', 'Elena', 'Lucía', 'Giulia', 'Maja', 'Charlotte', 'Inês', 'Katrin', 'Astrid', 'Marie', 'Chiara', 'Sanne', 'Aoife'],
    men: ['Lukas', 'Pierre', 'Matteo', 'Jan', 'Javier', 'Henrik', 'Thomas', 'João', 'Nicolas', 'Stefan', 'Lars', 'Marco', 'Pieter', 'Andreas', 'Luis', 'Olivier'],
    family: ['Müller', 'Dubois', 'Rossi', 'de Vries', 'García', 'Lindqvist', 'Bernard', 'Ferreira', 'Schneider', 'Fontaine', 'Bianchi', 'Jansen', 'Martínez', 'Nielsen', 'Moreau', 'Weber', 'Costa', 'Olsen', 'Lefèvre', 'Conti', 'Huber', 'Keller'],
  },
  eastEurope: {
    women: ['Olena', 'Katarzyna', 'Ivana', 'Jelena', 'Irina', 'Zuzana', 'Aigerim', 'Ana', 'Tamar', 'Ieva', 'Mihaela', 'Dóra'],
    men: ['Andriy', 'Piotr', 'Marko', 'Nikola', 'Dmitri', 'Tomáš', 'Yerlan', 'Giorgi', 'Mindaugas', 'Bogdan', 'Gábor', 'Arben'],
    family: ['Kovalenko', 'Nowak', 'Horvat', 'Petrović', 'Popescu', 'Novák', 'Nurlanov', 'Beridze', 'Kazlauskas', 'Ivanova', 'Szabó', 'Hoxha', 'Dimitrov', 'Kalnina', 'Tamm', 'Wiśniewska'],
  },
  latin: {
    women: ['María José', 'Camila', 'Valentina', 'Ana Paula', 'Gabriela', 'Fernanda', 'Daniela', 'Paola', 'Luciana', 'Isabel', 'Keisha', 'Marisol', 'Renata', 'Ximena'],
    men: ['Juan Pablo', 'Diego', 'Santiago', 'Carlos', 'Rafael', 'Andrés', 'Mateus', 'Alejandro', 'Rodrigo', 'Dwayne', 'Felipe', 'Gustavo', 'Tiago', 'Emilio'],
    family: ['González', 'Rodríguez', 'Silva', 'Pérez', 'Fernández', 'Santos', 'Ramírez', 'Oliveira', 'Torres', 'Castillo', 'Mendoza', 'Herrera', 'Campbell', 'Joseph', 'Vargas', 'Rojas', 'Souza', 'Morales'],
  },
  pacific: {
    women: ['Losana', 'Mere', 'Salote', 'Ana', 'Tiare', 'Malia', 'Sina', 'Leilani'],
    men: ['Sione', 'Tevita', 'Iosefa', 'Manu', 'Kalani', 'Tomasi', 'Filipo', 'Ratu'],
    family: ['Tuilagi', 'Vainikolo', 'Faleolo', 'Tamapua', 'Seru', 'Kautoke', 'Leota', 'Naupoto', 'Aumua', 'Fonoti'],
  },
  anglo: {
    women: ['Sarah', 'Emily', 'Rebecca', 'Olivia', 'Hannah', 'Grace', 'Fiona', 'Megan', 'Laura', 'Siobhan', 'Jessica', 'Rachel'],
    men: ['James', 'William', 'Daniel', 'Michael', 'Andrew', 'David', 'Patrick', 'Liam', 'Christopher', 'Benjamin', 'Samuel', 'Robert'],
    family: ['Smith', 'Thompson', "O'Brien", 'Walker', 'MacDonald', 'Taylor', 'Wilson', 'Murphy', 'Clarke', 'Robertson', 'Hughes', 'Bennett', 'Fraser', 'Kelly', 'Morrison', 'Harris'],
  },
};

export const REGIONS: readonly Region[] = ['africa', 'arab', 'asia', 'europe', 'eastEurope', 'latin', 'pacific', 'anglo'];
