package statute

import "strings"

// iso3166 lists the officially assigned ISO 3166-1 alpha-3 country codes.
const iso3166 = `ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE
BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA
CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE
DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR
GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI
HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA
KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX
MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA
NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE
PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD
STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR
TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB
ZWE`

var isoCountries = func() map[string]bool {
	m := make(map[string]bool, 260)
	for _, c := range strings.Fields(iso3166) {
		m[c] = true
	}
	return m
}()

// ValidCountry reports whether code is an officially assigned ISO 3166-1
// alpha-3 code or one of the user-assigned ranges AAA–AAZ, QMA–QZZ, XAA–XZZ
// and ZZA–ZZZ (for fictional or internal corpora). Codes are upper case.
func ValidCountry(code string) bool {
	if len(code) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	return isoCountries[code] || UserAssignedCountry(code)
}

// UserAssignedCountry reports whether code lies in one of the ISO 3166-1
// alpha-3 ranges reserved for users: AAA–AAZ, QMA–QZZ, XAA–XZZ, ZZA–ZZZ.
func UserAssignedCountry(code string) bool {
	if len(code) != 3 {
		return false
	}
	switch {
	case code[:2] == "AA":
		return true
	case code[0] == 'Q' && code[1] >= 'M' && code[1] <= 'Z':
		return true
	case code[0] == 'X':
		return code[1] >= 'A' && code[1] <= 'Z' && code[2] >= 'A' && code[2] <= 'Z'
	case code[:2] == "ZZ":
		return true
	}
	return false
}
