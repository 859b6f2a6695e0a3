package score

import (
	"fmt"
	"strings"
	"testing"
)

// TestRequirementWordings checks requirements against wordings of
// traditions the map first missed or misread, each on a statute written for
// the test: the verdict a lawyer would give.
func TestRequirementWordings(t *testing.T) {
	e := embeddedEngine(t)
	for _, tc := range []struct {
		name, lang, body, req string
		want                  Verdict
	}{
		{"es civil liability of every offender, in a section naming no victim", "es", "### Artículo 90\n\nToda persona responsable criminalmente de un delito lo es también civilmente. La responsabilidad civil comprende la restitución, la reparación del daño material y moral y la indemnización de perjuicios, y se declara en la sentencia.\n",
			"prot.compensation", Met},
		{"de claims for damages decided with the judgment, no victim named", "de", "### § 24\n\n(1) Das Gericht kann den Verurteilten verpflichten, den durch die Tat verursachten Schaden wiedergutzumachen.\n\n(2) Über Ansprüche auf Schadensersatz aus der Tat entscheidet das Strafgericht mit dem Urteil.\n",
			"prot.compensation", Met},
		{"en restitution as the condition that sets forfeiture aside is no compensation", "en", "### 23 Forfeiture\n\n(1) The forfeiture of anything obtained by the crime shall be a consequence of the punishment, unless some person who has not participated in the crime has a claim to the restitution of such property.\n",
			"prot.compensation", Gap},
		{"fr the author is whoever attempts a crime", "fr", "### Article 20\n\nEst auteur de l'infraction la personne qui :\n\n1- commet les faits incriminés ;\n\n2- tente de commettre un crime ou, dans les cas prévus par la loi, un délit.\n\n### Article 30\n\nLa traite des personnes est punie de la réclusion criminelle de dix à vingt ans.\n",
			"crim.attempt", Met},
		{"fr a guardian who exploits a child is no guardian appointed", "fr", "### Article 499\n\nLa traite des personnes est le recrutement, le transport ou l'hébergement d'une personne par la menace ou la contrainte aux fins d'exploitation. Le consentement de la victime est indifférent.\n\nConstitue également une forme d'exploitation, le fait pour un parent biologique ou un tuteur d'utiliser les services d'un enfant de moins de quatorze ans à des fins lucratives.\n",
			"prot.child-guardian", Gap},
		{"en harm to the victim's mind and a company's legal representation are no assistance", "en", "### 24 General provisions and protection of victims\n\n(1) Where an offence under section 3 has resulted in harm to the physical or psychological health of the victim, the punishment shall be increased by one degree.\n\n(2) Where a person found guilty of an offence under this Act was an employee of a body corporate, that person shall be deemed to be vested with the legal representation of the same body corporate, which shall be liable to a fine.\n\n(3) A victim of trafficking shall not be punished for an offence committed as a direct result of being trafficked.\n",
			"prot.assistance", Gap},
		{"en an adoption intermediary is no child-friendly procedure", "en", "### Article 248DA\n\nWhosoever, for any purpose, acting as an intermediary for the adoption of a child improperly induces the consent of a parent of the child shall be liable to imprisonment for a term from four to ten years.\n",
			"prot.child-friendly-procedures", Gap},
		{"fr vocational training of victims is no training of officials", "fr", "### Art. 21\n\nLes centres d'accueil des victimes de la traite des personnes assurent la fourniture des programmes de formation et d'enseignement professionnels, en coordination avec les secteurs concernés.\n",
			"enf.training", Gap},
		{"fr complicity in the territory in a crime abroad is territorial jurisdiction", "fr", "### Article 14\n\nLa loi pénale est applicable à quiconque s'est rendu coupable sur le territoire de la République, comme complice, d'un crime ou d'un délit commis à l'étranger si le crime ou le délit est puni à la fois par la loi nationale et par la loi étrangère.\n",
			"juris.extraterritorial", Gap},
		{"en using services knowing the provider has been trafficked, after a cross-reference", "en", "### 30 Use of services\n\nAny person who engages in or makes use of the services or labour as referred to in sections 3 to 7, both inclusive, in the knowledge that the person providing the service has been trafficked within the meaning of section 10(1), shall be guilty of an offence and liable, on conviction, to imprisonment for a term of eighteen months to five years.\n",
			"crim.use-of-services", Met},
		{"fr an accomplice who gave instructions to commit it", "fr", "### Article 22\n\nEst complice d'un crime ou d'un délit, la personne qui par don, promesse, menace, ordre, abus d'autorité ou de pouvoir aura provoqué une infraction ou donné des instructions pour la commettre.\n\n### Article 23\n\nLes complices d'un crime ou d'un délit sont punis de la même peine que les auteurs mêmes de ce crime ou de ce délit.\n\n### Article 30\n\nLa traite des personnes est punie de la réclusion criminelle de dix à vingt ans.\n",
			"crim.organizing", Met},
		{"en a sale named in the definition of the trafficking verb is child trafficking only", "en", "### Article 248D. Traffic of minors\n\nWhosoever trafficks a minor for the purpose of exploiting the minor in prostitution or forced labour shall be liable to imprisonment for a term from six to twelve years.\n\n### Article 248E. General provisions\n\n(1) In this Sub-title, the phrase \"trafficks a person\" or \"trafficks a minor\" means the recruitment, transportation, sale or transfer of a person, or of a minor, including harbouring and subsequent reception.\n",
			"crim.sale-of-children", Partial},
		{"fr a child victim returned to the family", "fr", "### Art. 18\n\nL'enfant victime de la traite des personnes est placé dans un lieu d'accueil spécialisé. Toutefois, si l'intérêt supérieur de l'enfant nécessite son maintien au sein de sa famille, il est remis à sa famille.\n",
			"prot.child-reintegration", Met},
		{"fr a court's mission to exonerate the victim of offences linked to being trafficked", "fr", "### Annexe\n\nLes juridictions et la police judiciaire sont chargées de :\n\n— exempter la victime des poursuites pénales pour violation des procédures relatives à l'entrée et au séjour ;\n\n— exonérer la victime de toute responsabilité pénale et civile des infractions liées directement à sa qualité de victime de la traite des personnes.\n",
			"prot.non-punishment", Met},
		{"es sexually explicit conduct in the English word order", "es", "### Artículo 172\n\nToda persona que a sabiendas produzca, distribuya, venda o posea material en que se utilice a un menor de dieciocho años en conducta sexual explícita será sancionada con pena de reclusión de ocho años.\n",
			"crim.child-sexual-abuse-material", Met},
		{"es acts of a sexual nature for payment", "es", "### Artículo 59\n\nQuien ofrezca, procure u obtenga a una niña o adolescente para que realice actos de naturaleza sexual a cambio de remuneración será sancionado con prisión de diez a quince años.\n",
			"crim.child-prostitution", Met},
		{"en an act done outwith the country", "en", "### 8 Offences committed outwith Ardmorven\n\n(1) An Ardmorven national who does an act outwith Ardmorven which would constitute an offence under section 1 if done in Ardmorven commits that offence.\n",
			"juris.extraterritorial", Met},
		{"fr a national who commits abroad", "fr", "### Article 20\n\nTout national qui commet à l'étranger l'une des infractions prévues par la présente loi peut être poursuivi et jugé par les juridictions nationales.\n",
			"juris.extraterritorial", Met},
		{"fr an offence committed abroad limits victim aid, no jurisdiction", "fr", "### Article 3\n\nSi l'infraction a été commise à l'étranger, seules les prestations des centres de consultation sont accordées à la victime.\n",
			"juris.extraterritorial", Gap},
		{"en the commission of criminal offences is no coordinating body", "en", "### Article 388\n\n(1) Whoever recruits, transports or harbours a person by force for the purpose of exploitation shall be punished with imprisonment of three to twelve years.\n\n(2) Items used in the commission of criminal offences of trafficking shall be seized.\n",
			"enf.coordination-body", Gap},
		{"en taking advantage of a victim's position is use of services", "en", "### Article 388\n\n(8) Whoever knows or should have known that a person is a victim of trafficking and takes advantage of the person's position for sexual exploitation shall be punished with imprisonment of six months to five years.\n",
			"crim.use-of-services", Met},
		{"fr forced labour as a penalty is no forced-labour offence", "fr", "### Article 72\n\nLorsque la victime est âgée de moins de quinze ans, le coupable est puni des travaux forcés de dix à vingt ans.\n",
			"crim.forced-labour", Gap},
		{"es letters rogatory in the plural", "es", "### Artículo 12\n\nLas comisiones rogatorias de las autoridades judiciales extranjeras en causas por trata de personas se cumplimentarán con preferencia.\n",
			"coop.mutual-legal-assistance", Met},
		{"es a ban on coming near the victim", "es", "### Artículo 544\n\nEl juez podrá acordar la prohibición de aproximarse a la víctima de trata o a sus familiares como medida de protección.\n",
			"prot.witness-protection", Met},
		{"en removal of parts of the body is a purpose", "en", "### Article 106\n\n(1) Whoever by force recruits, transports or harbours another person for the purpose of sexual exploitation, forced labour, slavery, servitude or the removal of parts of his body shall be sentenced to imprisonment for a term of between one and ten years.\n",
			"def.purposes", Met},
		{"en pecuniary benefit and tools confiscated", "en", "### Article 106\n\n(1) Whoever by force recruits, transports or harbours another person for the purpose of exploitation shall be sentenced to imprisonment for a term of between one and ten years.\n\n(2) The pecuniary benefit acquired by the offence and the tools used for its commission shall be confiscated.\n",
			"pen.confiscation", Met},
		{"fr the means used to commit it confiscated", "fr", "### Art. 303 bis 10\n\nEst puni d'un emprisonnement de trois ans à dix ans quiconque recrute, transporte ou héberge une personne par la force aux fins d'exploitation. Sont confisqués les produits de l'infraction et les moyens utilisés pour la commettre.\n",
			"pen.confiscation", Met},
		{"en consent has no bearing on the offence", "en", "### Article 444\n\n(1) Whoever by force recruits, transports or harbours another person for the purpose of exploitation shall be punished by an imprisonment sentence for a term of one to ten years.\n\n(2) The consent of the victim to the exploitation shall have no bearing on the existence of the criminal offence.\n",
			"def.consent-irrelevant", Met},
		{"fr consent is no ground of exoneration", "fr", "### Article 6\n\nQuiconque recrute, transporte ou héberge une personne par la contrainte aux fins d'exploitation est puni de cinq à dix ans d'emprisonnement.\n\n### Article 7\n\nLe consentement de la victime ne constitue pas une cause d'exonération de la responsabilité de l'auteur.\n",
			"def.consent-irrelevant", Met},
		{"fr a victim exempted from prosecution", "fr", "### Article 20\n\nLa victime de la traite est exemptée de poursuites et de peines pour les infractions qu'elle a été contrainte de commettre.\n",
			"prot.non-punishment", Met},
		{"fr children reintegrated (plural)", "fr", "### Article 18\n\nLes enfants victimes de la traite sont réinsérés dans leur famille ou, à défaut, placés dans une famille d'accueil.\n",
			"prot.child-reintegration", Met},
		{"es specialist prosecutors in trafficking", "es", "### Artículo 20\n\nLa Fiscalía contará con fiscales especialistas en trata de seres humanos que dirigirán la investigación de estos delitos.\n",
			"enf.specialised-authority", Met},
		{"es a right not to be sanctioned (infinitive)", "es", "### Artículo 12\n\nLas víctimas de trata tendrán derecho a:\n\nVI. No ser sancionadas por las infracciones que hayan cometido como consecuencia directa de su situación de víctimas.\n",
			"prot.non-punishment", Met},
		{"en a child named by its age for illicit activities and hazardous work", "en", "### 17 Worst forms of child labour\n\n(1) A person who uses, procures or offers a person under the age of 18 years for illicit activities, including the production or trafficking of drugs, commits an offence and is liable on conviction to imprisonment for five years.\n\n(2) A person who employs a person below the age of 18 years in hazardous work commits an offence and is liable on conviction to imprisonment for two years.\n",
			"crim.worst-forms-child-labour", Met},
		{"en the complainant's identity may not be published", "en", "### 156 Anonymity of complainants\n\nNo person shall publish the name, address or photograph of the complainant in proceedings for an offence under this Part, or any matter likely to lead to the complainant's identification.\n",
			"prot.privacy", Met},
		{"en consent does not exclude the unlawfulness", "en", "### Article 163\n\n(1) Whoever by force recruits, transports or harbours a person for the purpose of exploitation is punishable with 8 to 20 years imprisonment.\n\n(2) The consent of the victim does not exclude the unlawfulness of the act.\n",
			"def.consent-irrelevant", Met},
		{"en objects declared lost in favour of the State", "en", "### Article 170\n\nThe proceeds of the crimes of trafficking and the objects used to commit them are declared lost in favour of the State.\n",
			"pen.confiscation", Met},
		{"fr objects declared forfeit to the State", "fr", "### Article 12\n\nSont déclarés perdus en faveur de l'État les produits de l'infraction et les objets ayant servi à la commettre.\n",
			"pen.confiscation", Met},
		{"fr a victim not criminally responsible for false documents is no document security", "fr", "### Article 20\n\nLa victime de la traite n'est pas pénalement responsable de l'usage de faux documents de voyage lorsqu'elle y a été contrainte.\n",
			"prev.document-security", Gap},
		{"es victims shall not be punished (plural)", "es", "### Artículo 30\n\nLas víctimas de trata no serán penadas por los delitos que hayan cometido como consecuencia directa de su situación.\n",
			"prot.non-punishment", Met},
		{"es a reflection plazo in a list of rights", "es", "### Artículo 17\n\nLas víctimas de trata tendrán derecho a:\n\n1. Un plazo de reflexión de treinta días durante el cual no se adoptará medida alguna de expulsión.\n",
			"prot.reflection-period", Met},
		{"en consent does not exclude in any case the unlawfulness", "en", "### Article 153\n\n1. Whoever by force recruits, transports or harbours a person for the purpose of exploitation is punished with a penalty of imprisonment of 3 to 12 years.\n\n2. The consent of the victim does not exclude in any case the unlawfulness of the facts.\n",
			"def.consent-irrelevant", Met},
		{"en a defence for a person compelled by trafficking", "en", "### 8 Statutory defence\n\n(1) A person is not guilty of an offence if —\n\n(a) the person does the act which constitutes the offence because the person is compelled to do it;\n\n(b) the compulsion is attributable to slavery or to trafficking; and\n\n(c) a reasonable person in the same situation would have no realistic alternative.\n\n(2) Subsection (1) applies to any offence other than murder or rape.\n",
			"prot.non-punishment", Met},
		{"fr trafficking coordinated with the sale of drugs is no trafficking in persons", "fr", "### Article 172\n\nEst puni de cinq à dix ans de servitude pénale principale quiconque utilise un enfant pour le trafic ou la vente de stupéfiants.\n",
			"crim.offence", Gap},
		{"en trafficking or sale of narcotic drugs is no trafficking in persons", "en", "### 40 Use of children in drug offences\n\nA person who uses a child in the trafficking or sale of controlled drugs commits an offence and is liable on conviction to imprisonment for ten years.\n",
			"crim.offence", Gap},
		{"en a victim not liable to stand trial", "en", "### 15 Non-liability of victims\n\nA victim of trafficking is not liable to stand trial for any criminal offence committed as a direct result of being trafficked.\n",
			"prot.non-punishment", Met},
		{"es a light case that lets a fine replace prison is no serious-crime penalty", "es", "### Artículo 129b\n\n1° El que captare, transportare o acogiere a una persona mediante violencia con fines de explotación será castigado con pena privativa de libertad de hasta ocho años.\n\n2° En los casos leves, la pena será privativa de libertad de hasta dos años o multa.\n",
			"pen.serious-crime", Met},
		{"en a child trafficked even where none of the means is used", "en", "### 248A Traffic of persons\n\n(1) Whosoever, by any of the means mentioned in subarticle (2), recruits, transports or harbours a person for the purpose of exploiting that person in the production of goods shall be liable to imprisonment for a term of four years.\n\n(2) The means referred to in subarticle (1) are violence, threats, deceit or fraud.\n\n### 248D Traffic of minors\n\nWhosoever recruits, transports or harbours a minor for any of the purposes mentioned in article 248A shall, even where none of the means mentioned in article 248A(2) has been used, be liable to the punishment laid down in that article.\n",
			"def.child-no-means", Met},
		{"es the grade 'prisión menor' is no child: selling documents is no sale of children", "es", "### Artículo 2\n\nEl que captare, transportare o acogiere a una persona mediante violencia con fines de explotación será castigado con la pena de prisión mayor.\n\n### Artículo 5\n\nEl que vendiere documentos de identidad falsos para facilitar la trata de personas será castigado con la pena de prisión menor.\n",
			"crim.sale-of-children", Gap},
		{"fr a victim who proves compulsion is exempted from the penalty", "fr", "### Art. 586.8\n\nEst exempté de la peine quiconque prouve qu'il a été contraint de commettre des actes punissables par la loi, du seul fait qu'il était victime de la traite des personnes.\n",
			"prot.non-punishment", Met},
		{"fr legal persons liable for an offence of 'la présente Partie'", "fr", "## Partie II Infractions\n\n### 3. Traite des personnes\n\nQuiconque recrute, transporte ou héberge une personne par la contrainte aux fins d'exploitation commet une infraction et est passible d'une peine d'emprisonnement maximale de vingt ans.\n\n### 8. Personnes morales\n\n(1) Lorsqu'une infraction prévue par la présente Partie est commise par une personne morale, celle-ci est passible d'une amende maximale de 2 000 000 roupies.\n",
			"crim.legal-persons", Met},
		{"fr financing and knowingly supplying premises are complicity", "fr", "### Art. 320\n\nEst puni de dix à vingt ans de réclusion quiconque recrute, transporte ou héberge une personne par la contrainte aux fins d'exploitation.\n\n### Art. 324\n\nSont punis des peines prévues à l'article 320 ceux qui financent la traite des personnes et ceux qui, sciemment, fournissent à l'auteur un local ou des documents en vue de sa commission.\n",
			"crim.complicity", Met},
		{"fr several persons acting as principals or accomplices is an aggravation, no complicity rule", "fr", "### Art. 320\n\nEst puni de dix à vingt ans de réclusion quiconque recrute, transporte ou héberge une personne par la contrainte aux fins d'exploitation.\n\n### Art. 321\n\nLe maximum de la peine prévue à l'article 320 est encouru lorsque l'infraction est commise par plusieurs personnes agissant en qualité d'auteurs ou de complices.\n",
			"crim.complicity", Gap},
		{"es confiscated goods of a trafficking case in a fund's resources hand no offence to the Penal Code", "es", "### Artículo 21\n\nSe crea el Fondo de Atención a Víctimas de Trata de Personas.\n\n### Artículo 22\n\nEl Fondo se constituirá con:\n\n1. Las partidas que se le asignen en el Presupuesto General del Estado.\n\n2. Los bienes que sean objeto de comiso en los procesos por el delito de trata de personas, conforme a lo que disponga el Código Penal.\n",
			"crim.offence", Gap},
		{"es no criminal proceedings against the victim (impersonal)", "es", "### Artículo 235\n\nNo se procederá penalmente contra la víctima de trata de personas por los delitos que haya cometido como consecuencia directa de su situación de víctima.\n",
			"prot.non-punishment", Met},
		{"de a light case is no trafficking penalty below four years", "de", "### Art. 182 Menschenhandel\n\n(1) Wer als Anbieter, Vermittler oder Abnehmer mit einem Menschen Handel treibt zum Zweck der Ausbeutung seiner Arbeitskraft, wird mit Freiheitsstrafe bis zu zehn Jahren bestraft.\n\n(4) In leichten Fällen ist die Strafe Freiheitsstrafe bis zu zwei Jahren.\n",
			"pen.serious-crime", Met},
		{"de a Swiss coordination office", "de", "### Art. 30d Koordination\n\nDer Bund führt eine Koordinationsstelle gegen Menschenhandel, die die Massnahmen der Behörden gegen den Menschenhandel koordiniert.\n",
			"enf.coordination-body", Met},
		{"en a company's fine in the subsection after 'an offence under this Act'", "en", "### 3. Trafficking in persons\n\nWhoever recruits, transports or harbours a person by force for the purpose of exploitation shall be punished with imprisonment for ten years.\n\n### 10. Offences by companies\n\n(1) Where an offence under this Act is committed by a company, every director of the company who has knowledge of the offence shall be deemed to have committed the offence.\n\n(2) The company itself shall also be liable to a fine not exceeding twenty lakh taka.\n",
			"crim.legal-persons", Met},
		{"fr definitions numbered '1 - Terme :' (Tunisian drafting)", "fr", "### Article 2 -\n\nAu sens de la présente loi, on entend par :\n\n1 - Traite des personnes : le fait de recruter, de transporter ou d'héberger une personne par la menace ou la force aux fins d'exploitation.\n\n2 - Exploitation : l'exploitation de la prostitution d'autrui, le travail forcé, l'esclavage, la servitude ou le prélèvement d'organes.\n\n### Article 5 -\n\nEst puni de dix ans d'emprisonnement quiconque commet la traite des personnes.\n",
			"def.purposes", Met},
		{"fr a victim not liable to penal sanctions", "fr", "### Article 9 -\n\nLa victime de la traite des personnes n'est pas passible de sanctions pénales pour les infractions commises en rapport direct avec son exploitation.\n",
			"prot.non-punishment", Met},
		{"en a victims' exemption to the extent provided in an outside code", "en", "### 20 Non-punishment\n\n(a) A victim of trafficking shall not be liable to punishment for an offence to the extent provided in section 53 of the Penal Code.\n",
			"prot.non-punishment", Undetermined},
		{"fr whoever knowingly supplied the means (future perfect) is an accomplice", "fr", "### Article 305\n\nSera puni d'un emprisonnement de cinq à dix ans quiconque aura recruté, transporté ou hébergé une personne par la contrainte aux fins d'exploitation.\n\n### Article 307\n\nSera puni des mêmes peines quiconque aura sciemment fourni un local ou des fonds en vue de la commission de la traite.\n",
			"crim.complicity", Met},
		{"es no child victim may be sanctioned (negative subject)", "es", "### Artículo 13\n\nNinguna niña, niño o adolescente víctima de trata de personas podrá ser sancionado por los delitos que haya cometido como consecuencia directa de su explotación.\n",
			"prot.non-punishment", Met},
		{"fr offences abroad judged in the cases listed by an outside code", "fr", "### Article 12\n\nLes juridictions nationales connaissent des infractions de traite des personnes commises hors du territoire dans les cas énumérés aux articles 6 à 10 du Code de procédure pénale.\n",
			"juris.extraterritorial", Undetermined},
		{"en a body corporate's fine for its own section's offence keeps that section's scope", "en", "### 3. Trafficking in persons\n\nWhoever recruits, transports or harbours a person by force for the purpose of exploitation shall be punished with imprisonment for ten years.\n\n### 11 Confidentiality\n\n(1) Any person involved in the trial of an offence under this Act shall observe the right to privacy of the victim of trafficking in persons.\n\n(3) A person who discloses the name of a victim of trafficking in persons commits an offence.\n\n(5) A person who commits an offence under this section is liable to imprisonment for five years, and in the case of a body corporate, a fine of ten million shillings.\n",
			"crim.legal-persons", Gap},
		{"en a return with due regard to the victim's safety is no witness protection", "en", "### 14 Repatriation\n\n(2) The return of a victim of trafficking to his or her country of origin shall be with due regard to the safety of the victim and to the status of any legal proceedings.\n",
			"prot.witness-protection", Gap},
		{"en training for officers on the identification of victims is no identification procedure", "en", "### 16 Training\n\n(2) The Board shall provide training for police officers and labour inspectors on the identification of victims of trafficking.\n",
			"prot.identification", Gap},
		{"fr a committee that coordinates (the verb)", "fr", "### Article 40\n\nIl est créé un Comité national de l'enfance, qui coordonne les politiques des ministères en faveur des enfants.\n",
			"enf.coordination-body", Met},
		{"de removal of an organ (singular genitive)", "de", "### § 232 Menschenhandel\n\n(1) Wer eine andere Person unter Ausnutzung ihrer Zwangslage anwirbt, befördert oder beherbergt, wenn sie ausgebeutet werden soll durch die Ausübung der Prostitution, durch Sklaverei, Leibeigenschaft, Schuldknechtschaft, durch eine Beschäftigung oder durch die rechtswidrige Entnahme eines Organs, wird mit Freiheitsstrafe von sechs Monaten bis zu fünf Jahren bestraft.\n",
			"def.purposes", Met},
		{"en trafficking in persons 'not being a child' names no child", "en", "### 12 Trafficking in persons\n\nAny person who traffics in persons, not being a child, for the purpose of prostitution or other sexual exploitation commits an offence and shall, on conviction, be punished with imprisonment for a term not exceeding fifteen years.\n",
			"def.child-no-means", Gap},
		{"fr the Council of Europe (an international body) is no national coordinating body", "fr", "### Article 12\n\nPour l'application de l'article 11, peut être prise en compte la condamnation prononcée dans un autre Etat Partie à la Convention du Conseil de l'Europe sur la lutte contre la traite des êtres humains.\n",
			"enf.coordination-body", Gap},
		{"en the Security Council (an international body) is no national coordinating body", "en", "### 30 Sanctions lists\n\nA person listed by the Security Council for trafficking in persons shall be reported to the police.\n",
			"enf.coordination-body", Gap},
		{"en an extract of a trafficking act defines the child of its offence (section 3, left out)", "en", "### 2. Interpretation\n\nIn this Act, \"child\" means a person below the age of eighteen years; \"trafficking in persons\" means any conduct which constitutes an offence under section 3.\n\n### 31. Restitution\n\n(1) Where a person is convicted of an offence under section 3, the court shall order the person to pay restitution to the victim.\n",
			"def.child-age-18", Met},
		{"es the attempt 'tendrá el carácter de punible'", "es", "### Artículo 10\n\nA quien capte, transporte o reciba a una persona con fines de explotación se le impondrá de 5 a 15 años de prisión.\n\n### Artículo 39\n\nLa tentativa para los delitos objeto de esta Ley tendrá el carácter de punible, y deberá sancionarse en los términos del artículo 12 del Código Penal.\n",
			"crim.attempt", Met},
		{"en attempting among the verbs of a list whose object is 'the commission of the crime of trafficking'", "en", "### 3 Trafficking in persons\n\n(1) Any person who knowingly recruits, transports or receives another person by force for exploitation, or who attempts, assists, abets, procures, incites or conspires with others for, the commission of the crime of trafficking, shall be liable to imprisonment for not less than ten years.\n",
			"crim.attempt", Met},
		{"es directing or financing others to commit the offences raises the penalty", "es", "### Artículo 10\n\nA quien capte, transporte o reciba a una persona con fines de explotación se le impondrá de 5 a 15 años de prisión.\n\n### Artículo 43\n\nLa pena se incrementará hasta en dos terceras partes cuando el responsable del delito realice, además, acciones de dirección o financiamiento a otras personas para que cometan cualquiera de los delitos objeto de esta Ley.\n",
			"crim.organizing", Met},
		{"es using the services of a person knowing her 'situación de trata'", "es", "### Artículo 35\n\nSe sancionará con pena de 2 a 40 años de prisión al que, a sabiendas de su situación de trata, adquiera, use, compre, solicite o alquile servicios de una persona para cualquiera de los fines previstos en esta Ley.\n",
			"crim.use-of-services", Met},
		{"fr the consent of a victim of trafficking 'n'est pas valable'", "fr", "### Article 5\n\nEst constitutif de l'infraction de la traite des personnes le recrutement, le transport ou l'hébergement de personnes par la contrainte aux fins d'exploitation.\n\n### Article 6\n\nLe consentement d'une victime de la traite des personnes n'est pas valable en raison des mesures coercitives utilisées par les trafiquants.\n",
			"def.consent-irrelevant", Met},
		{"fr a spouse's consent that 'n'est pas valable' if extorted says nothing of a victim's", "fr", "### Article 5\n\nEst constitutif de l'infraction de la traite des personnes le recrutement, le transport ou l'hébergement de personnes par la contrainte aux fins d'exploitation.\n\n### Article 239\n\nLe consentement au mariage n'est pas valable s'il a été extorqué par la violence.\n",
			"def.consent-irrelevant", Gap},
		{"fr forced labour among the circumstances of a clause taking up the trafficking offence", "fr", "### Article 7\n\nEst coupable de la traite des personnes et puni de cinq à dix ans d'emprisonnement quiconque recrute, transporte ou héberge une personne par la contrainte aux fins d'exploitation.\n\n### Article 8\n\nLa réclusion criminelle de dix à vingt ans est encourue lorsque l'infraction a été commise dans l'une des circonstances suivantes :\n\n– Si la victime est un mineur de moins de 18 ans ;\n\n– En cas d'assujettissement de la personne au travail forcé.\n",
			"pen.child-aggravation", Met},
		{"fr a foreigner who offends outside the territory against a national victim (passive personality, a long clause)", "fr", "### Article 24\n\nTout étranger qui, hors du territoire de la République s'est rendu coupable soit comme auteur soit comme complice des infractions visées par la présente loi peut être poursuivi et jugé d'après les dispositions des lois de la République, lorsque la victime de ces infractions est de nationalité de la République.\n",
			"juris.extraterritorial", Met},
		{"es 'no se procederá en contra de la víctima' for offences committed under the traffickers' control", "es", "### Artículo 37\n\nNo se procederá en contra de la víctima de los delitos previstos en esta Ley por delitos que hubiesen cometido mientras estuvieran sujetas al control o amenaza de sus victimarios.\n",
			"prot.non-punishment", Met},
		{"fr a foreign victim 'n'est pas criminellement responsable' of illegal entry or stay only", "fr", "### Article 31\n\nUne personne étrangère victime de la traite n'est pas criminellement responsable de l'entrée, du séjour ou du travail accompli de façon illégale sur le territoire national.\n",
			"prot.non-punishment", Partial},
		{"en 'any crime whose essential elements include' prostitution or immigration breaches is narrow", "en", "### 3 Trafficking\n\n(4) If a victim was trafficked for the purposes of prostitution, that victim shall not be charged with any crime whose essential elements include prostitution or the breach of the immigration laws.\n",
			"prot.non-punishment", Partial},
		{"fr a minor is 'la personne n'ayant pas encore atteint l'âge de dix-huit ans' (elided articles)", "fr", "### Article 2\n\nPour l'application de la présente loi, on entend par mineur la personne n'ayant pas encore atteint l'âge de dix-huit ans.\n\n### Article 5\n\nConstitue l'infraction de traite des êtres humains le fait de recruter, de transporter, d'héberger ou d'accueillir une personne par la contrainte à des fins d'exploitation. L'infraction est punie de la réclusion de cinq ans à dix ans.\n",
			"def.child-age-18", Met},
		{"en '\"person\" includes a juristic person' in an interpretation section that also defines the Minister", "en", "### 2 Interpretation\n\nIn this Act, unless the context otherwise requires—\n\n\"Minister\" means the Minister responsible for home affairs and public safety;\n\n\"person\" includes a juristic person and partnership;\n\n### 5 Trafficking in persons\n\n(1) A person who trafficks another person for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for a period of not less than twenty-five years.\n",
			"crim.legal-persons", Met},
		{"en a foreign victim allowed to remain 'irrespective of his or her status' for ninety days (suspension of deportation)", "en", "### 33 Suspension of deportation\n\n(1) The Chief Immigration Officer may allow a foreign victim, irrespective of his or her status, to remain in the country for a non-renewable period not exceeding ninety days.\n",
			"prot.reflection-period", Met},
		{"en benefiting from or using 'the services of a victim' (a defined term)", "en", "### 6 Use of services of victims\n\n(1) A person who intentionally benefits, financially or otherwise, from the services of a victim or who uses or enables another person's usage of the services of a victim commits an offence and is liable, upon conviction, to imprisonment for a term not exceeding twenty-five years.\n",
			"crim.use-of-services", Met},
		{"en whoever 'encourages another to engage the services of a victim of trafficking'", "en", "### 8 Engaging the services of a victim of trafficking\n\n(1) A person who knowingly and unlawfully buys, engages or otherwise benefits or has reason to believe that the person is buying, engaging or otherwise benefiting from or encourages another to engage the services of a victim of trafficking commits an offence and is liable, on conviction, to imprisonment for a period not exceeding 25 years.\n",
			"crim.use-of-services", Met},
		{"en examining officers who may examine persons arriving in and leaving the country", "en", "### 14 Port and border control\n\n(1) The following officers are examining officers for the purposes of this Act and may examine persons arriving in and leaving the country to determine whether a person is a trafficker.\n",
			"prev.border-measures", Met},
		{"fr a child's leaving the national territory needs a special authorisation", "fr", "### Article 14\n\nLa sortie du territoire national d'un enfant de moins de 18 ans est subordonnée à la présentation d'une autorisation spéciale.\n",
			"prev.border-measures", Met},
		{"en 'attempts to commit or performs any act aimed at participating in the commission of an offence'", "en", "### 3 Trafficking in persons\n\n(1) A person who recruits, transports or harbours another person by force for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for a period not exceeding thirty years.\n\n### 10 Involvement in offences\n\nA person who—\n\n(a) attempts to commit or performs any act aimed at participating in the commission of an offence under this Chapter; or\n\n(b) conspires with any other person to commit an offence under this Act,\n\ncommits an offence and is liable to the same penalties as if he or she had committed that offence.\n",
			"crim.attempt", Met},
		{"en 'Criminal prosecution may not be instituted against a victim' for an illegal activity the victim was compelled to do", "en", "### 16 Victims not prosecuted\n\nCriminal prosecution may not be instituted against a victim of trafficking for—\n\n(a) entering or remaining in the country unlawfully; and\n\n(b) being involved in an illegal activity to the extent that he or she has been compelled to do so as a direct result of his or her situation as a victim of trafficking.\n",
			"prot.non-punishment", Met},
		{"en 'It is not a defence … that—' two list levels above '(i) consented'", "en", "### 3 Trafficking in persons\n\n(1) A person who recruits, transports or harbours another person by force for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for a period not exceeding thirty years.\n\n### 11 Exclusion of defences\n\n(2) It is not a defence to a charge of contravening section 3 that—\n\n(a) a person who is a victim of trafficking has—\n\n(i) consented to the intended exploitation; or\n\n(ii) not been harmed.\n",
			"def.consent-irrelevant", Met},
		{"en securing the adoption of a child 'for the purpose of exploiting' the child (trafficking for adoption)", "en", "### 3 Trafficking in persons\n\n(3) A person who facilitates or secures the adoption of a child, for the purpose of exploiting that child, commits an offence and is liable on conviction to imprisonment for a period not exceeding thirty years.\n",
			"crim.illegal-adoption", Met},
		{"en the next term defined ('Minister … public safety') is no coercive part of the exploitation definition", "en", "### 2 Interpretation\n\nIn this Act—\n\n\"exploitation\" includes exploitation of prostitution or other forms of sexual exploitation, forced labour or services, slavery or servitude;\n\n\"Minister\" means the Minister responsible for home affairs and public safety;\n\n### 5 Trafficking\n\n(1) A person who recruits, transports, transfers, harbours or receives a child for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for life, whether or not any means is used.\n",
			"def.child-no-means", Met},
		{"fr producing, spreading and holding 'images d'abus sexuels de mineurs'", "fr", "### Article 417/44\n\nLa diffusion d'images d'abus sexuels de mineurs consiste à exposer, offrir, diffuser ou transmettre des images d'abus sexuels de mineurs. Cette infraction est punie de la réclusion de cinq ans à dix ans.\n\n### Article 417/45\n\nLa production d'images d'abus sexuels de mineurs consiste à fabriquer ou produire des images d'abus sexuels de mineurs. Cette infraction est punie de la réclusion de cinq ans à dix ans.\n\n### Article 417/46\n\nLa détention d'images d'abus sexuels de mineurs consiste à détenir ou acquérir des images d'abus sexuels de mineurs. Cette infraction est punie d'un emprisonnement d'un an à cinq ans.\n",
			"crim.child-sexual-abuse-material", Met},
		{"fr an unlicensed intermediary who obtains an adoption for another", "fr", "### Article 391quinquies\n\nSera punie d'un emprisonnement d'un an à cinq ans toute personne qui sera intervenue comme intermédiaire en obtenant une adoption pour autrui sans être membre d'un organisme agréé à cette fin.\n",
			"crim.illegal-adoption", Met},
		{"en 'Despite the provisions of any other written law' overrides that law; the victim is not liable for 'a criminal act' resulting from the trafficking", "en", "### 24 Immunity from prosecution\n\nDespite the provisions of any other written law, a victim of trafficking in persons shall not be criminally liable for an offence or for a criminal act that is a direct or indirect result of being trafficked.\n",
			"prot.non-punishment", Met},
		{"es for minors 'no será necesario que se recurra a los modos de ejecución' (the means)", "es", "### Artículo 172\n\nSerá sancionado con pena de prisión de seis a diez años quien, recurriendo a la amenaza, al uso de la fuerza, al engaño o al abuso de una situación de vulnerabilidad, capte, traslade, acoja o reciba a una o más personas con fines de explotación sexual o laboral.\n\nTratándose de personas menores de edad, no será necesario que se recurra a los modos de ejecución descritos en el párrafo anterior.\n",
			"def.child-no-means", Met},
		{"en 'attempts to traffic in persons' (the verb traffic)", "en", "### 7 Offences related to trafficking in persons\n\nAny person who—\n\n(a) attempts to traffic in persons; or\n\n(b) conspires with another person to do an act of trafficking in persons,\n\ncommits an offence and is liable, on conviction, to imprisonment not exceeding five years.\n",
			"crim.attempt", Met},
		{"en a welfare officer traces the family of a trafficked person", "en", "### 31 Finding relatives\n\n(1) The social services department shall trace the family of every trafficked person found in the country and shall report to the court within thirty days.\n",
			"prot.child-reintegration", Met},
		{"en the Minister pays for an adult to escort the child home to a parent", "en", "### 12 Going home\n\nWhere it serves the child's best interests, the Minister shall pay for an adult to escort the child who was trafficked back to the town where a parent of the child lives.\n",
			"prot.child-reintegration", Met},
		{"es the return of the child to its home", "es", "### Artículo 40\n\nLa autoridad de protección organizará la búsqueda de familiares del niño víctima de trata y su regreso al hogar cuando convenga a su interés superior.\n",
			"prot.child-reintegration", Met},
		{"en a definition of 'guardian' appoints no guardian", "en", "### 2 Interpretation\n\nIn this Act—\n\n\"guardian\", in relation to a child, includes any person who for the time being has the care, protection and control of the child;\n\n\"victim\" means a person who has been trafficked;\n",
			"prot.child-guardian", Gap},
		{"en a child sent home to its 'parents or guardian' gets no appointed guardian", "en", "### 14 Return of children\n\nThe welfare officer shall take a child victim of trafficking back to the home of the child's parents or guardian.\n",
			"prot.child-guardian", Gap},
		{"en a court appoints a guardian for a child who has no 'parent or guardian' in the country", "en", "### 15 Guardians\n\nWhere a child victim of trafficking has no parent or guardian in the country, the court shall appoint a fit person as guardian of the child.\n",
			"prot.child-guardian", Met},
		{"en the care of a child 'not in the care of a parent or guardian' is left to another Act", "en", "### 16 Care\n\nWhere a child victim of trafficking is not in the care of a parent or guardian, the provisions of the Children's Welfare Act shall apply to the care of the child.\n",
			"prot.child-guardian", Undetermined},
		{"es the child is handed back to its 'padres o tutores'", "es", "### Artículo 30\n\nLa autoridad entregará a la niña o al niño víctima de trata a sus padres o tutores en el plazo más breve posible.\n",
			"prot.child-guardian", Gap},
		{"en recruiting 'for overseas employment' in a trafficking offence regulates no agency", "en", "### 6 Trafficking for work\n\nA person who recruits or transports another person for domestic or overseas employment, by deceit, for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for ten years.\n",
			"prev.recruitment-regulation", Gap},
		{"en the Board monitors the bodies that arrange foreign employment", "en", "### 11 Duties of the Board\n\nThe Board shall monitor the institutions that arrange foreign employment, so that workers sent abroad are not trafficked.\n",
			"prev.recruitment-regulation", Met},
		{"en goods 'used in the commission, preparation or instigation' of trafficking name no commission", "en", "### 17 Inspection of cargo\n\n(1) There is established a customs inspection service at every port.\n\n(2) An inspector may open any container to determine whether it has been used in the commission, preparation or instigation of acts of trafficking and coordinate with the police.\n",
			"enf.coordination-body", Gap},
		{"en a citizen's act 'in a place other than the State' that would be an offence at home", "en", "### 3 Trafficking\n\nA person who recruits or transports another person by force for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for life.\n\n### 9 Acts done elsewhere\n\nWhere a citizen of the Republic does an act in a place other than the Republic that, if done in the Republic, would be an offence under section 3, that citizen is guilty of that offence.\n",
			"juris.extraterritorial", Met},
		{"en a picture 'likely to enable the identification of the alleged victim' may not be printed", "en", "### 11 Anonymity\n\n(1) A person who prints or broadcasts—\n\n(a) a photograph of the alleged victim, or\n\n(b) a drawing of the alleged victim,\n\nthat is likely to enable the identification of the alleged victim, commits an offence and is liable on conviction to a fine.\n",
			"prot.privacy", Met},
		{"en the same non-disclosure rule identifies no victim", "en", "### 11 Anonymity\n\n(1) A person who prints or broadcasts—\n\n(a) a photograph of the alleged victim, or\n\n(b) a drawing of the alleged victim,\n\nthat is likely to enable the identification of the alleged victim, commits an offence and is liable on conviction to a fine.\n",
			"prot.identification", Gap},
		{"en an officer inquires to determine whether the person is a trafficked person", "en", "### 30 Inquiry\n\nWithin ten days an officer shall inquire into the case of every person rescued for the purpose of determining whether that person is a trafficked person.\n",
			"prot.identification", Met},
		{"en a recognised victim 'shall not be subjected to any criminal proceedings' arising from the trafficking", "en", "### 40 Protection from prosecution\n\nA person whom an officer has recognised as a trafficked person under this Act shall not be subjected to any criminal proceedings arising directly from, or as a direct consequence of, that person's situation as a trafficked person.\n",
			"prot.non-punishment", Met},
		{"en 'enslavement' among the purposes is slavery", "en", "### 2 Interpretation\n\nIn this Act—\n\n\"exploitation\" means—\n\n(a) the prostitution of others or other sexual exploitation,\n\n(b) forced labour or services,\n\n(c) enslavement of the person or holding the person in servitude, or\n\n(d) the removal of organs;\n\n### 4 Trafficking\n\nA person who recruits, transports, transfers, harbours or receives another person by threat, force, fraud, deception, abuse of power or of a position of vulnerability, or by giving payments to a person having control over the other person, for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for life.\n",
			"def.purposes", Met},
		{"en a child offence whose section says its exploitation 'does not include sexual exploitation' is no sexual-only offence", "en", "### 2 Trafficking in children\n\n(1) A person who trafficks a child for the purpose of the exploitation of the child commits an offence and is liable on conviction to imprisonment for life.\n\n(2) In this section \"exploitation\" does not include sexual exploitation.\n\n### 3 Trafficking in children for sexual purposes\n\nA person who trafficks a child for the purpose of the sexual exploitation of the child commits an offence and is liable on conviction to imprisonment for life.\n",
			"def.child-no-means", Met},
		{"en 'the commission of an offence … against the child' makes the child a victim, not an instrument", "en", "### 4 Interpretation\n\nIn this section \"abuse\" means, in relation to a child—\n\n(a) inducing the child to take part in prostitution, or\n\n(b) the commission of an offence listed in the Second Schedule against the child.\n\n### 5 Child abuse\n\nA person who abuses a child commits an offence and is liable on conviction to imprisonment for life.\n",
			"crim.worst-forms-child-labour", Gap},
		{"en 'giving the victim accommodation' in the definition of trafficking is the trafficker's act, no shelter", "en", "### 2 Interpretation\n\nIn this Act—\n\n\"victim\" means a person who has been trafficked;\n\n\"trafficking\" means recruiting, moving, harbouring or receiving a person, or giving the victim accommodation, for the purpose of exploitation, by threat or force;\n\n### 3 Offence\n\nA person who engages in trafficking commits an offence and is liable on conviction to imprisonment for life.\n",
			"prot.assistance", Gap},
		{"en the Minister may designate police and labour officers as enforcement officers for the Act", "en", "### 21 Enforcement officers\n\nThe Minister may, by notice in the Gazette, designate the following as enforcement officers for the purposes of this Act—\n\n(a) a police officer; or\n\n(b) a labour inspector.\n",
			"enf.specialised-authority", Met},
		{"en a prosecutor who designates a court is no specialised unit", "en", "### 24 Venue\n\nThe Director of Public Prosecutions shall designate the court in which a person charged with trafficking is to be tried.\n",
			"enf.specialised-authority", Gap},
		{"en parties to offences: 'a person who attempts to do the act which constitutes the offence'", "en", "### 5 Trafficking\n\nA person who recruits, transports or harbours another person by force for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for twenty years.\n\n### 12 Parties to offences\n\n(1) Where an offence under this Act is committed, each of the following persons is deemed to have taken part in the commission of the offence and may be charged and convicted with the actual commission of the offence—\n\n(a) a person who attempts to do the act which constitutes the offence;\n\n(b) a person who aids or abets another person to commit the offence.\n",
			"crim.attempt", Met},
		{"en attempting to break an officer's seal is no attempt of trafficking", "en", "### 5 Trafficking\n\nA person who recruits, transports or harbours another person by force for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for twenty years.\n\n### 30 Seals\n\nA person who, without authority, attempts, aids or abets in breaking or altering a seal placed by an officer under this Act, commits an offence and is liable on conviction to a fine.\n",
			"crim.attempt", Gap},
		{"en the definition of 'AIDS' (the disease) proves no aiding", "en", "### 2 Interpretation\n\nIn this Act—\n\n\"AIDS\" means acquired immune deficiency syndrome;\n\n\"victim\" means a person who has been trafficked;\n\n### 5 Trafficking\n\nA person who recruits, transports or harbours another person by force for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for twenty years.\n",
			"crim.complicity", Gap},
		{"fr exploitation as making someone provide 'son travail ou ses services' or 'des services sexuels'", "fr", "### Article 10\n\nQuiconque recrute, transporte, transfère, héberge ou accueille une personne en vue de l'exploiter commet une infraction et est passible d'un emprisonnement de quatorze ans.\n\n### Article 12\n\nAu sens de l'article 10, on entend par exploitation le fait d'amener une personne, par la menace ou la contrainte, à fournir son travail ou ses services, ou à fournir des services sexuels contre rétribution.\n",
			"crim.offence", Met},
		{"fr causing 'une personne âgée de moins de dix-huit ans' to provide sexual services for payment", "fr", "### Article 20\n\nQuiconque amène une personne âgée de moins de dix-huit ans à offrir ou à rendre des services sexuels moyennant rétribution commet une infraction et est passible d'un emprisonnement de dix ans.\n",
			"crim.child-prostitution", Met},
		{"es authors under a parties article: those who order the offence through others", "es", "### Artículo 30\n\nResponderán como autores:\n\na) Quienes cometan la infracción de manera directa.\n\nb) Quienes ordenen la comisión de la infracción valiéndose de otras personas.\n\n### Artículo 80\n\nLa captación, transporte, traslado o acogida de una persona con fines de explotación constituye delito de trata de personas y será sancionada con pena privativa de libertad de diez a trece años.\n",
			"crim.organizing", Met},
		{"es offences (feminine 'infracciones') committed abroad", "es", "### Artículo 14\n\nLas normas de este Código se aplicarán a las infracciones cometidas en el extranjero contra una o varias personas del país, cuando no hayan sido juzgadas donde se cometieron.\n",
			"juris.extraterritorial", Met},
		{"en inciting or directing another person to traffic is participation", "en", "### 3 Trafficking in persons\n\n(1) A person who recruits, transports or harbours another person by force for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for twenty years.\n\n(2) A person who incites or directs another person to traffic in persons commits an offence and is liable on conviction to imprisonment for twenty years.\n",
			"crim.complicity", Met},
		{"en an offence carried out by a national 'whether in the country or elsewhere'", "en", "### 22 Jurisdiction\n\nA court of Ardmorven shall have jurisdiction to try an offence under this Act where the act constituting the offence has been carried out by a national of Ardmorven, whether in Ardmorven or elsewhere.\n",
			"juris.extraterritorial", Met},
		{"en a task force working with inter-governmental organisations and other States", "en", "### 27 National Task Force\n\n(1) There shall be established a National Task Force against Trafficking in Persons.\n\n(2) The Task Force shall co-ordinate the national plan against trafficking in partnership with inter-governmental organisations and other States.\n",
			"part.international-cooperation", Met},
		{"en a victim 'may offer as a defence' compulsion, for an immigration offence 'or any other criminal offence'", "en", "### 14 Victim may offer a defence\n\nWhere a victim has been compelled to engage in unlawful activities as a direct result of being trafficked, and has committed any immigration offence or any other criminal offence, the victim may offer as a defence evidence of having been so compelled.\n",
			"prot.non-punishment", Met},
		{"en 'permits or other required authorization to allow them to remain'", "en", "### 19 Immigration regime for victims\n\nThe Minister may provide a victim of trafficking and any accompanying dependent children with appropriate permits or other required authorization to allow them to remain and work in the country for the duration of the prosecution.\n",
			"prot.residence-permit", Met},
		{"en consular offices helping nationals abroad give no jurisdiction", "en", "### 20 Assistance abroad\n\nThe Minister of Foreign Affairs, through the diplomatic missions and consular offices abroad, shall assist nationals of the country who are victims of trafficking outside the country.\n",
			"juris.extraterritorial", Gap},
		{"en whoever 'assist another person to engage in' trafficking (uninflected, as printed)", "en", "### 3 Trafficking in persons\n\n(1) Whoever engages in, or assist another person to engage in, trafficking in persons shall be sentenced to imprisonment for not less than five years.\n\n### 2 Interpretation\n\nIn this Act, \"trafficking in persons\" means the recruitment, transportation or harbouring of persons by force for the purpose of exploitation.\n",
			"crim.complicity", Met},
		{"en what a definition 'does not include' (images for medical teaching, for shelters' counselling and legal information) is no assistance", "en", "### 12 Assistance to victims\n\n(1) For the purposes of this Act, assistance to victims does not include the taking of images of a victim if the images are honestly intended—\n\n- (a) to provide medical care or health education; or\n- (b) to provide counselling or legal information in shelters.\n",
			"prot.assistance", Gap},
		{"es a servile union arranged 'como indemnización', a form of exploitation in the offence, is no compensation", "es", "### Artículo 91\n\nLa captación, transporte, traslado o acogida de una o más personas con fines de explotación constituye delito de trata de personas y será sancionada con pena privativa de libertad de trece a dieciséis años. Constituye explotación la obtenida de:\n\n1. La explotación sexual de niñas, niños y adolescentes.\n\n2. La unión de hecho servil, arreglada como indemnización o transacción.\n",
			"prot.compensation", Gap},
		{"en a rape-shield rule ('past sexual behaviour') and the age of consent to sex beside the no-means child clause make it no sexual-only rule", "en", "### 12 Trafficking\n\nA person who recruits, transports or harbours another person by threat or force for the purpose of exploitation commits the offence of human trafficking and is liable on conviction to imprisonment for not less than 25 years.\n\n### 17 Consent of victim irrelevant\n\nIn a prosecution for an offence of human trafficking —\n\n- (a) a victim's past sexual behaviour is irrelevant and inadmissible;\n- (b) the recruitment, transportation, transfer, harbouring or receipt of a child for the purpose of exploitation shall be regarded as human trafficking even if this does not involve any of the specified means;\n- (c) the legal age of consent to sex shall not be a defence to trafficking.\n",
			"def.child-no-means", Met},
		{"en a victim 'is not liable for a criminal offence that was a direct result' of being trafficked", "en", "### 18 Victim's immunity\n\nA victim of human trafficking is not liable for a criminal offence that was a direct result from being trafficked.\n",
			"prot.non-punishment", Met},
		{"en jurisdiction over an act carried out 'by a citizen of X anywhere'", "en", "### 24 Jurisdiction\n\nA court in Ardmorven shall have jurisdiction to try an offence under this Act where an act which constitutes the offence has been carried out—\n\n- (a) wholly or partly in Ardmorven;\n- (b) by a citizen of Ardmorven anywhere.\n",
			"juris.extraterritorial", Met},
		{"en 'counselling, commanding, or procuring the commission' of an offence reaches those who command it", "en", "### 12 Trafficking\n\nA person who recruits, transports or harbours another person by threat or force for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for 25 years.\n\n### 28 Attempt, aiding and abetting\n\nAn attempt to commit or aiding, abetting, counselling, commanding, or procuring the commission of an offence under this Act shall be punishable as if the offence had been completed.\n",
			"crim.organizing", Met},
		{"en acquiring documents by deception for 'a fraudulent adoption of a child'", "en", "### 15 Fraudulent adoption prohibited\n\n(1) A person shall not, through deception or fraud, acquire documents or knowingly engage in misrepresentation to obtain the agreement of a government official, parent, relative or other care giver for the purpose of carrying out a fraudulent adoption of a child.\n\n(2) A person who contravenes subsection (1) commits an offence and shall, on conviction, serve a term of imprisonment of not less than 10 years.\n",
			"crim.illegal-adoption", Met},
		{"en a ministry named 'Foreign Affairs and International Cooperation' among a task force's members is no cooperation", "en", "### 2 Task Force\n\n(1) There is established a National Task Force on Human Trafficking consisting of—\n\n- (a) the Minister of Social Welfare, as chairman;\n- (b) the Minister of Foreign Affairs and International Cooperation;\n- (c) the Inspector-General of Police.\n",
			"part.international-cooperation", Gap},
		{"en a victims' trust fund that pays for shelter and protection services is no compensation", "en", "### 11 Trust Fund\n\n(1) There is established a Victims of Human Trafficking Trust Fund.\n\n(2) The Trust Fund shall pay for shelter and protection services for victims of human trafficking.\n",
			"prot.compensation", Gap},
		{"en 'Economic measures to prevent human trafficking' are no offence: schooling children who were victims of trafficking transfers no child", "en", "### 35 Economic measures to prevent human trafficking\n\nThe Task Force shall take measures that will enhance economic opportunity for potential victims of human trafficking including—\n\n- (a) skills training and job counselling;\n- (b) programmes to keep children in schools, and to educate children who have been victims of trafficking.\n",
			"crim.sale-of-children", Gap},
		{"en a witness's 'new residence' and 'residence in shelters' are no right to remain", "en", "### 14 Witness protection\n\nThe protection of a victim who is a witness may include—\n\n- (a) physical protection;\n- (b) a new residence;\n- (c) relocation.\n\n### 18 Shelters\n\n(4) Residence in shelters established under this section may be voluntary, and victims may decline to stay there.\n",
			"prot.residence-permit", Gap},
		{"en consular offices that publish information on trafficking victims' rights are no coordinating body", "en", "### 20 Victims abroad\n\n(2) The Minister of Foreign Affairs, through the diplomatic missions and consular offices abroad, shall publish information on the rights of victims of trafficking in the country for which the mission or office has responsibility.\n",
			"enf.coordination-body", Gap},
		{"en a body corporate's liability in the items of a lead-in on 'an offence under this Act' reaches trafficking", "en", "### 12 Human trafficking\n\nA person who recruits, transports or harbours another person by threat or force for the purpose of exploitation commits an offence and is liable on conviction to imprisonment for not less than 25 years.\n\n### 26 Offences by body of persons\n\n(1) Where an offence under this Act is committed by a body of persons, if the body of persons is—\n\n- (a) a body corporate, every director or officer of that body corporate shall be deemed to have committed that offence;\n- (b) a firm, every partner of that firm shall be deemed to have committed that offence.\n",
			"crim.legal-persons", Met},
		{"en returning victims abroad 'who claim to be citizens' is no jurisdiction over offences abroad", "en", "### 23 Repatriation of citizens\n\n(1) Victims of trafficking abroad who claim to be citizens of Ardmorven, but who have no passport, shall have their nationality verified without undue delay so that they may return.\n",
			"juris.extraterritorial", Gap},
		{"es debt bondage and a servile union are practices similar to slavery among the purposes", "es", "### Artículo 91\n\nLa captación, transporte, traslado o acogida de una persona con fines de explotación constituye delito de trata de personas y será sancionada con pena privativa de libertad de trece a dieciséis años. Constituye explotación la obtenida de:\n\n1. La extracción de órganos.\n\n2. La explotación sexual, incluida la prostitución forzada.\n\n3. El trabajo forzoso y la servidumbre por deudas.\n\n4. La unión de hecho servil.\n",
			"def.purposes", Met},
		{"es the identification of the victim may not be spread", "es", "### Artículo 14\n\nQueda prohibida la difusión de cualquier dato que permita la identificación de las víctimas menores de edad.\n",
			"prot.privacy", Met},
		{"es a sectoral conference as the coordinating body", "es", "### Artículo 18. Conferencia Sectorial.\n\nLa Conferencia Sectorial de Infancia actuará como órgano de coordinación entre el Estado y las comunidades autónomas en la prevención de la trata de niños.\n",
			"enf.coordination-body", Met},
		{"fr reintegration in the family (adjective)", "fr", "### Article 16 : Prise en charge\n\nL'enfant victime de traite bénéficie d'un hébergement provisoire, de soins médicaux et d'un soutien psychologique, en vue de sa réinsertion familiale, scolaire ou professionnelle.\n",
			"prot.child-reintegration", Met},
		{"fr use of children in armed groups", "fr", "### Article 190\n\nL'enrôlement ou l'utilisation d'enfants âgés de moins de dix-huit ans dans les forces et groupes armés ainsi que dans la police est puni de dix à vingt ans de servitude pénale principale.\n",
			"crim.child-soldiers", Met},
		{"fr investigating offences is no research", "fr", "### Article 84\n\nIl est créé au sein de la police nationale une brigade spéciale de protection de l'enfant chargée notamment de la recherche et de la constatation des infractions commises contre les enfants.\n",
			"enf.data-rapporteur", Gap},
		{"fr welfare measures of a child law are no witness protection", "fr", "### Article 1er : Objet\n\nLa présente loi détermine les droits de l'enfant, les mesures de protection sociale, judiciaire et pénale qui lui sont dues et les sanctions applicables aux atteintes portées à ces droits.\n",
			"prot.witness-protection", Gap},
		{"es protective measures for victims at risk", "es", "### Artículo 11\n\nSe garantiza a las víctimas la reserva de su identidad, así como medidas de protección cuando su integridad física se encuentre en riesgo.\n",
			"prot.witness-protection", Met},
		{"es one who has authority possesses no material", "es", "### Artículo 189\n\n1. Será castigado con la pena de prisión de uno a cinco años el que produjere material pornográfico utilizando menores de edad, o vendiere o difundiere dicho material. La misma pena se impondrá a quien tuviere autoridad sobre el menor y consintiere su participación en actividades sexuales o en espectáculos pornográficos.\n",
			"crim.child-sexual-abuse-material", Partial},
		{"es spreading abuse material is no awareness campaign", "es", "### Artículo 189\n\nSerá castigado con la pena de prisión de uno a cinco años el que facilitare la producción, venta o difusión por cualquier medio de material pornográfico en cuya elaboración hayan sido utilizados menores de edad.\n",
			"prev.awareness", Gap},
		{"es spreading information on the risks", "es", "### Artículo 30\n\nEl Ministerio de Educación realizará la difusión de información sobre los riesgos de la trata de personas en las escuelas.\n",
			"prev.awareness", Met},
		{"en an offence deemed committed whatever the border is no jurisdiction abroad", "en", "### 6 Trafficking\n\n(1) Whoever recruits, transports or harbours a person by force for the purpose of exploitation shall be punished with imprisonment for a term not less than three years.\n\n(2) The crime shall be deemed to have been committed whether or not the victim has crossed the borders of the Republic.\n",
			"juris.extraterritorial", Gap},
		{"en an offence deemed committed in the State", "en", "### 6 Trafficking\n\n(1) Whoever recruits, transports or harbours a person by force for the purpose of exploitation shall be punished with imprisonment for a term not less than three years.\n\n(2) A citizen who commits an act outside the State that would be an offence under subsection (1) shall be deemed to have committed that act or omission in the State.\n",
			"juris.extraterritorial", Met},
		{"en a child named by its age in digits", "en", "### 98AA Dealing in persons under 18\n\nEvery one is liable to imprisonment for a term not exceeding 14 years who obtains, procures or offers a person under the age of 18 years for the purpose of prostitution.\n",
			"crim.child-prostitution", Met},
		{"en consent of the person trafficked, beside a child-only consent clause", "en", "### 98AA Dealing in persons under 18\n\n(1) Every one is liable to imprisonment for a term not exceeding 14 years who sells or buys a person under the age of 18 years for the purpose of sexual exploitation.\n\n(2) It is not a defence to a charge under this section that the person under 18 consented to the dealing.\n\n### 98D Trafficking in persons\n\n(1) Every one is liable to imprisonment for a term not exceeding 20 years who recruits, transports or receives a person by coercion or deception for the purpose of exploitation.\n\n(2) A person may be convicted of an offence against this section whether or not the person trafficked consented to any act or to the exploitation.\n",
			"def.consent-irrelevant", Met},
		{"en a victim's defence naming a false document is no document security", "en", "### 208D Defence of victims\n\nA person is not criminally responsible for an offence of illegal entry or of possession of a false travel document if the person was a victim of trafficking at the time.\n",
			"prev.document-security", Gap},
		{"es a victim not tried for using false documents", "es", "### Artículo 164\n\nLa víctima de trata no será procesada ni sancionada por el uso de documentos falsos o por su estancia irregular.\n",
			"prev.document-security", Gap},
		{"fr the labour force is no force used as a means", "fr", "### Article 182\n\n1. Quiconque recrute, transporte, héberge ou accueille une personne à des fins d'exploitation sexuelle ou d'exploitation de sa force de travail est puni d'une peine privative de liberté de trois à dix ans.\n",
			"def.means", Met},
		{"fr a ban on publishing what identifies the victim is no identification procedure", "fr", "### Article 326\n\nIl est interdit de publier, par quelque moyen que ce soit, toute information permettant d'identifier la victime de la traite.\n",
			"prot.identification", Gap},
		{"es a ban on publishing what identifies the victim is privacy", "es", "### Artículo 60\n\nSe prohíbe publicar el nombre, la imagen o cualquier dato que posibiliten identificar a la víctima de trata.\n",
			"prot.privacy", Met},
		{"fr consent is neither an excuse nor a ground of non-liability", "fr", "### Article 307 bis\n\nQuiconque recrute, transporte ou héberge une personne par la menace ou la contrainte aux fins d'exploitation est puni d'un emprisonnement de cinq à dix ans.\n\n### Article 307 quinquies\n\nLe consentement de la victime ne constitue ni une excuse ni une cause d'irresponsabilité pour l'auteur des faits prévus à l'article 307 bis.\n",
			"def.consent-irrelevant", Met},
		{"en a victim not liable for an immigration offence", "en", "### 89 Immunity\n\nA victim of trafficking is not liable for an offence under this Act of entering or remaining in the country unlawfully.\n",
			"prot.non-punishment", Partial},
		{"en uses or hires the services of a victim", "en", "### 9 Use of services\n\nAny person who, knowing that a person is a victim of trafficking, uses or hires the services of that person shall commit an offence and shall, on conviction, be liable to imprisonment for a term not exceeding 5 years.\n",
			"crim.use-of-services", Met},
		{"fr bilateral agreements in the plural", "fr", "### Article 128\n\nL'État coopère avec les États voisins, par voie d'accords bilatéraux ou multilatéraux, pour prévenir la traite transfrontalière des enfants.\n",
			"part.international-cooperation", Met},
		{"en using a victim of human trafficking is no trafficking offence", "en", "### Article (2)\n\nWhoever recruits, transports or harbours a person by force for the purpose of exploitation shall be punished by imprisonment for a period not exceeding seven years.\n\n### Article (9)\n\nWhoever uses the services of a person knowing that the person is a victim of human trafficking shall be punished by imprisonment for a period not exceeding one year or a fine.\n",
			"pen.custodial-mandatory", Met},
		{"fr the victim benefits from an exemption from penalty", "fr", "### Article 270-12\n\nLa victime de la traite bénéficie de l'exemption de peine pour les infractions d'entrée ou de séjour irréguliers, lorsque ces infractions sont la conséquence directe de sa situation de victime.\n",
			"prot.non-punishment", Partial},
		{"es child victims are not considered offenders", "es", "### Artículo 178\n\nLos niños víctimas de trata no serán considerados infractores ni sancionados por su ingreso irregular al país.\n",
			"prot.non-punishment", Partial},
		{"es nationals who commit the offence in a foreign country", "es", "### Artículo 4\n\nSerán enjuiciados conforme a las leyes de la República los valdoreños que en país extranjero cometan el delito de trata de personas, aunque el hecho no sea punible en el lugar de su comisión.\n",
			"juris.extraterritorial", Met},
		{"es the victim consented (verb)", "es", "### Artículo 129b\n\n1° El que, mediante fuerza, amenaza o engaño, captare, transportare o acogiere a una persona con fines de explotación será castigado con pena privativa de libertad de hasta doce años.\n\n5° Lo dispuesto en este artículo se aplicará aun cuando la víctima hubiere consentido en el hecho.\n",
			"def.consent-irrelevant", Met},
		{"fr soliciting is a limited scope of non-punishment", "fr", "### Article 465\n\nN'est pas pénalement responsable la victime de la traite des êtres humains qui a commis une infraction de racolage ou de séjour irrégulier en conséquence directe de sa situation.\n",
			"prot.non-punishment", Partial},
		{"en released from criminal liability", "en", "### Article 128\n\nNote. A person who is a victim of trafficking shall be released from criminal liability for an administrative offence of illegal residence committed as a result of being trafficked.\n",
			"prot.non-punishment", Partial},
		{"es a period to decide whether they cooperate", "es", "### Artículo 40\n\nLas víctimas de trata tendrán un plazo de noventa días para recuperarse y decidir si colaboran con las autoridades.\n",
			"prot.reflection-period", Met},
		{"fr a child named by its age in a clause that says what constitutes trafficking", "fr", "### Article 452\n\nLa traite des êtres humains est punie de dix ans d'emprisonnement.\n\n### Article 453\n\nLe recrutement, le transport, l'hébergement ou l'accueil d'un mineur de dix-huit ans en vue de son exploitation sexuelle constitue la traite des êtres humains, même en l'absence de l'un des moyens énumérés.\n",
			"def.child-age-18", Met},
		{"fr the prosecutor may not prosecute the victim", "fr", "### Article 4\n\nLe procureur de la République ne peut exercer de poursuites contre la victime de la traite des personnes à raison des infractions qu'elle a été contrainte de commettre et qui sont la conséquence directe de sa situation de victime.\n",
			"prot.non-punishment", Met},
		{"es universal jurisdiction wherever committed", "es", "### Artículo 229\n\nLos tribunales hondureños conocerán del delito de trata de personas con independencia del lugar de su comisión, conforme al principio de justicia universal.\n",
			"juris.extraterritorial", Met},
		{"es victims neither deported nor punished", "es", "### Artículo 12\n\nLas víctimas de trata no serán deportadas ni sancionadas por su ingreso o permanencia irregular en el país.\n",
			"prot.non-punishment", Partial},
		{"en exempted from criminal liability", "en", "### Article 171\n\nNote: A victim of trafficking shall be exempted from criminal liability for the use of a forged document committed as a result of being trafficked.\n",
			"prot.non-punishment", Partial},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := analyzeText(t, e, tc.lang, "Loi", tc.body)
			for _, f := range res.Findings {
				if f.Requirement == tc.req {
					if f.Verdict != tc.want {
						t.Errorf("%s: %s, want %s (%s)", tc.req, f.Verdict, tc.want, f.Explanation)
					}
					return
				}
			}
			t.Fatalf("no finding for %s", tc.req)
		})
	}
}

// TestGeneralCodeMeasures: in a general code (many offences, few of them
// trafficking) a measure's words in a provision serving another offence do
// not meet a trafficking measure; the same words in a law about trafficking,
// or in the code's trafficking chapter, do.
func TestGeneralCodeMeasures(t *testing.T) {
	e := embeddedEngine(t)
	var b strings.Builder
	b.WriteString("## Titre I Des infractions diverses\n\n")
	for i := 1; i <= 45; i++ {
		fmt.Fprintf(&b, "### Article %d\n\nQuiconque aura soustrait frauduleusement une chose appartenant à autrui dans le cas numéro %d sera puni d'un emprisonnement d'un mois à cinq ans.\n\n", i, i)
	}
	b.WriteString("### Article 46\n\nQuiconque aura volé des bestiaux dans les champs ou dans la campagne, ou organisé des campagnes de vente de bétail volé, sera puni d'un emprisonnement d'un an à cinq ans.\n\n")
	b.WriteString("## Titre II De la traite des êtres humains\n\n### Article 47\n\nQuiconque aura recruté, transporté ou hébergé une personne par la contrainte aux fins d'exploitation sera puni de la réclusion de dix ans à quinze ans.\n\n")
	code := b.String()
	measure := "### Article 48\n\nL'État organise des campagnes d'information et de sensibilisation du public sur la traite des êtres humains.\n"
	for _, tc := range []struct {
		name, body string
		want       Verdict
	}{
		{"general code, campaign of another offence", code, Gap},
		{"general code, campaign against trafficking", code + measure, Met},
		{"trafficking law, the same campaign", "### Article 1\n\nQuiconque aura recruté, transporté ou hébergé une personne par la contrainte aux fins d'exploitation sera puni de la réclusion de dix ans à quinze ans.\n\n" + measure, Met},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := analyzeText(t, e, "fr", "Code pénal", tc.body)
			for _, f := range res.Findings {
				if f.Requirement == "prev.awareness" {
					if f.Verdict != tc.want {
						t.Errorf("prev.awareness: %s, want %s (%s)", f.Verdict, tc.want, f.Explanation)
					}
					return
				}
			}
			t.Fatal("no finding for prev.awareness")
		})
	}
}

// TestTradeInPersonsFrame: the Swiss drafting of trafficking as a trade
// ("en qualité d'offreur, d'intermédiaire ou d'acquéreur, se livre à la
// traite", "als Anbieter, Vermittler oder Abnehmer mit einem Menschen Handel
// treibt") names its acts by the trader's roles and needs no means; a
// jurisdiction rule that lists the offences it reaches ("traite d'êtres
// humains (art. 182), contrainte sexuelle (art. 189)") is no trafficking
// offence, and an offence that makes it applicable borrows no trafficking
// from it; "ein Verbrechen oder Vergehen" is any offence.
func TestTradeInPersonsFrame(t *testing.T) {
	e := embeddedEngine(t)
	fr := "### Art. 5\n\n(1) Le présent code est applicable à quiconque se trouve en Suisse et a commis à l'étranger l'un des actes suivants: traite d'êtres humains (art. 182), contrainte sexuelle (art. 189), si la victime avait moins de 18 ans.\n\n" +
		"### Art. 7\n\n(1) Le présent code est applicable à quiconque commet un crime ou un délit à l'étranger, sans que soient réalisées les conditions prévues à l'art. 5.\n\n" +
		"### Art. 181a\n\n(1) Quiconque, en usant de violence envers une personne, l'oblige à conclure un mariage est puni d'une peine privative de liberté de cinq ans au plus.\n\n(2) L'art. 7 est applicable.\n\n" +
		"### Art. 182\n\n(1) Quiconque, en qualité d'offreur, d'intermédiaire ou d'acquéreur, se livre à la traite d'un être humain à des fins d'exploitation sexuelle ou d'exploitation de son travail est puni d'une peine privative de liberté de dix ans au plus. Le fait de recruter une personne à ces fins est assimilé à la traite.\n"
	de := "### Art. 102\n\n(1) Wird in einem Unternehmen in Ausübung geschäftlicher Verrichtung ein Verbrechen oder Vergehen begangen und kann diese Tat keiner bestimmten natürlichen Person zugerechnet werden, so wird das Unternehmen mit Busse bis zu fünf Millionen Franken bestraft.\n\n" +
		"### Art. 182\n\n(1) Wer als Anbieter, Vermittler oder Abnehmer mit einem Menschen Handel treibt zum Zwecke der sexuellen Ausbeutung oder der Ausbeutung seiner Arbeitskraft, wird mit Freiheitsstrafe bis zu zehn Jahren bestraft. Das Anwerben eines Menschen zu diesen Zwecken ist dem Handel gleichgestellt.\n"
	for _, tc := range []struct {
		lang, body, req string
		want            Verdict
	}{
		{"fr", fr, "def.means", Met},
		{"fr", fr, "def.acts", Partial},
		{"fr", fr, "def.no-movement-required", Met},
		{"de", de, "def.acts", Partial},
		{"de", de, "def.child-no-means", Met},
		{"de", de, "crim.legal-persons", Met},
	} {
		res := analyzeText(t, e, tc.lang, "Code pénal", tc.body)
		found := false
		for _, f := range res.Findings {
			if f.Requirement == tc.req {
				found = true
				if f.Verdict != tc.want {
					t.Errorf("%s %s: %s, want %s (%s)", tc.lang, tc.req, f.Verdict, tc.want, f.Explanation)
				}
			}
		}
		if !found {
			t.Errorf("%s: no finding for %s", tc.lang, tc.req)
		}
	}
}

// TestOffenceQuotedFromItsClause: crim.offence quotes the clause that
// creates the offence (acts, purpose, sanction), not a definition whose
// words name it ("La Ley: la Ley General … contra la Trata de Personas").
func TestOffenceQuotedFromItsClause(t *testing.T) {
	e := embeddedEngine(t)
	body := "### Artículo 4\n\nPara los efectos de la presente Ley se entenderá por:\n\nI. La Constitución: La Constitución Política.\n\nII. La Ley: La Ley General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de Personas y para la Protección y Asistencia a las Víctimas de estos Delitos.\n\nIII. La Comisión: La Comisión Intersecretarial para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de Personas.\n\n" +
		"### Artículo 10\n\nToda acción u omisión dolosa de una o varias personas para captar, enganchar, transportar, transferir, retener, entregar, recibir o alojar a una o varias personas con fines de explotación se le impondrá de 5 a 15 años de prisión, sin perjuicio de las sanciones que correspondan para cada uno de los delitos cometidos, previstos y sancionados en esta Ley.\n\nSe entenderá por explotación de una persona a:\n\nI. La esclavitud;\n\nII. La prostitución ajena u otras formas de explotación sexual;\n\nIII. El trabajo o servicios forzados.\n"
	res := analyzeText(t, e, "es", "Ley General", body)
	for _, f := range res.Findings {
		if f.Requirement != "crim.offence" {
			continue
		}
		if len(f.Evidence) == 0 || f.Evidence[0].Provision != "art10" {
			var got []string
			for _, ev := range f.Evidence {
				got = append(got, ev.Provision)
			}
			t.Fatalf("crim.offence %s quotes %v first, want art10", f.Verdict, got)
		}
		return
	}
	t.Fatal("no finding for crim.offence")
}

// A trade in human organs is a related offence, not trafficking in persons:
// its sanctions stay out of the trafficking penalty table, and its acts
// ("transports … illicitly removed human organs") out of the definition.
func TestOrganTradeIsRelated(t *testing.T) {
	e := embeddedEngine(t)
	res := analyzeText(t, e, "en", "Criminal Code", "### Article 248A. Traffic of persons\n\n"+
		"(1) Whosoever, by any means of force, deceit or threat, trafficks a person for the purpose of exploiting that person in the production of goods or provision of services shall be liable to imprisonment for a term from six to twelve years.\n\n"+
		"### Article 248CA. Trafficking in human organs\n\n"+
		"(1) Whosoever removes organs, tissues or cells from a living or deceased donor without free consent shall be liable to imprisonment for a term from six to twelve years.\n")
	for _, r := range res.Penalties {
		if strings.HasPrefix(r.Provision, "art248CA") && r.Offence == "trafficking" {
			t.Errorf("organ-trade row %s counted as trafficking", r.Provision)
		}
	}
}

// An implementing decree that names "the forms of trafficking provided by"
// a law outside the corpus leaves what trafficking is undetermined (the
// corpus refers to that law on the point), but says nothing of its penalty.
func TestFormsProvidedByOutsideLaw(t *testing.T) {
	e := embeddedEngine(t)
	res := analyzeText(t, e, "fr", "Décret fixant le mécanisme de prise en charge des victimes", "### Art. 2\n\n"+
		"Au sens du présent décret, on entend par :\n\n"+
		"— la victime : toute personne physique qui a subi un préjudice résultant directement de l'une des formes de la traite des personnes prévues par la loi n° 23-04 du 7 mai 2023 relative à la lutte contre la traite des personnes.\n\n"+
		"### Art. 11\n\nLes victimes bénéficient de l'hébergement, de l'assistance médicale et psychologique et de l'aide juridique.\n")
	want := map[string]Verdict{"def.acts": Undetermined, "def.purposes": Undetermined, "crim.offence": Undetermined,
		"pen.serious-crime": Gap, "def.child-age-18": Gap, "def.consent-irrelevant": Gap}
	for _, f := range res.Findings {
		if w, ok := want[f.Requirement]; ok && f.Verdict != w {
			t.Errorf("%s: %s, want %s (%s)", f.Requirement, f.Verdict, w, f.Explanation)
		}
	}
}
