package exports

// The DOCX writer: a minimal WordprocessingML package (ECMA-376) written with archive/zip and
// encoding/xml. The Go DOCX libraries found (gomutex/godocx, unmaintained; its young fork
// ubavic/godocx; fumiama/go-docx, AGPL; unioffice, commercial; go-word, LGPL and new) were
// either unkept, under a licence we cannot take, or far larger than the four things an export
// needs: headings, paragraphs, bold runs and tables. Those are written here, with the styles
// Word and LibreOffice know by name (Title, heading 1-3, Table Grid), so the file stays
// editable and its headings show in the navigation pane.

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// docx collects the body of word/document.xml.
type docx struct{ b strings.Builder }

func (d *docx) text(s string) {
	_ = xml.EscapeText(&d.b, []byte(s)) // writes to a strings.Builder: no error
}

// run writes one run of text; line breaks in s become <w:br/>.
func (d *docx) run(s string, bold bool) {
	d.b.WriteString("<w:r>")
	if bold {
		d.b.WriteString("<w:rPr><w:b/></w:rPr>")
	}
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			d.b.WriteString("<w:br/>")
		}
		d.b.WriteString(`<w:t xml:space="preserve">`)
		d.text(line)
		d.b.WriteString("</w:t>")
	}
	d.b.WriteString("</w:r>")
}

// para writes a paragraph in a style ("" for Normal) with runs of (text, bold) pairs.
func (d *docx) para(style string, runs ...docxRun) {
	d.b.WriteString("<w:p>")
	if style != "" {
		d.b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	for _, r := range runs {
		d.run(r.text, r.bold)
	}
	d.b.WriteString("</w:p>")
}

type docxRun struct {
	text string
	bold bool
}

func plain(s string) docxRun { return docxRun{text: s} }
func bold(s string) docxRun  { return docxRun{text: s, bold: true} }

// heading writes a heading of level 1-3 (0: the document title).
func (d *docx) heading(level int, s string) {
	style := "Title"
	if level > 0 {
		style = "Heading" + strconv.Itoa(level)
	}
	d.para(style, plain(s))
}

// body writes a text of several paragraphs (split at blank lines and line breaks).
func (d *docx) body(s string) {
	for _, p := range strings.Split(strings.TrimSpace(s), "\n") {
		if p = strings.TrimRight(p, " \t\r"); p != "" {
			d.para("", plain(p))
		}
	}
}

// fact writes "label: value" with the label in bold; nothing when value is empty.
func (d *docx) fact(label, value string) {
	if value != "" {
		d.para("", bold(label+": "), plain(value))
	}
}

// table writes a table with a header row that repeats on every page; widths are shares of
// the text width in fiftieths of a percent (summing to 5000).
func (d *docx) table(header []string, widths []int, rows [][]string) {
	d.b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>` +
		`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		// The grid is in twentieths of a point over a 16 cm text width (9070 twips).
		d.b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w*9070/5000) + `"/>`)
	}
	d.b.WriteString("</w:tblGrid>")
	row := func(cells []string, head bool) {
		d.b.WriteString("<w:tr>")
		if head {
			d.b.WriteString(`<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
		}
		for i, c := range cells {
			d.b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(widths[i]) + `" w:type="pct"/>`)
			if head {
				d.b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E8EEF4"/>`)
			}
			d.b.WriteString("</w:tcPr><w:p>")
			d.run(c, head)
			d.b.WriteString("</w:p></w:tc>")
		}
		d.b.WriteString("</w:tr>")
	}
	row(header, true)
	for _, r := range rows {
		row(r, false)
	}
	d.b.WriteString("</w:tbl>")
	d.para("") // Word needs a paragraph between two tables, and it spaces the next heading
}

// WriteDOCX writes the plan as a Word document.
func WriteDOCX(w io.Writer, p *Plan) error {
	d := &docx{}
	d.b.Grow(64 * 1024)
	writePlan(d, p)
	zw := zip.NewWriter(w)
	files := []struct{ name, body string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRootRels},
		{"word/_rels/document.xml.rels", docxDocumentRels},
		{"word/styles.xml", strings.ReplaceAll(docxStyles, "{{lang}}", docxLang(p.Lang))},
		{"docProps/core.xml", docxCore(p)},
		{"word/document.xml", docxHead + d.b.String() + docxTail},
	}
	for _, f := range files {
		fw, err := zw.Create(f.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, f.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

// sink is what a plan's outline is written into: DOCX and PDF render the same walk.
type sink interface {
	heading(level int, s string)
	body(s string)
	fact(label, value string)
	table(header []string, widths []int, rows [][]string)
	label(s string)                   // a bold line before a table or list
	followup(word, date, body string) // one follow-up entry ("Seuranta", its date, its text)
}

func (d *docx) label(s string) { d.para("", bold(s)) }

func (d *docx) followup(_, date, body string) { d.para("", bold(date+": "), plain(body)) }

// writePlan writes the plan's outline: facts, sections, values, goals with their actions,
// indicators and follow-ups.
func writePlan(d sink, p *Plan) {
	t := p.labels.T
	d.heading(0, p.Title)
	d.fact(t("documents.fields.kind"), p.KindName)
	d.fact(t("exports.group"), p.Workspace)
	d.fact(t("documents.fields.period"), p.Period)
	d.fact(t("documents.fields.status"), p.StatusName)
	d.fact(t("documents.fields.updated"), p.Updated)
	if len(p.Responsible) > 0 {
		d.fact(t("editor.fields.responsible"), strings.Join(p.Responsible, ", "))
	}
	if len(p.Sections) > 0 {
		d.heading(1, t("editor.sections"))
		for _, s := range p.Sections {
			d.heading(2, orUntitled(s.Title, t("editor.untitled.section")))
			d.body(s.Body)
		}
	}
	if len(p.Values) > 0 {
		d.heading(1, t("editor.strategyValues"))
		for _, s := range p.Values {
			d.heading(2, orUntitled(s.Title, t("editor.untitled.value")))
			d.body(s.Body)
		}
	}
	for gi, g := range p.Goals {
		d.heading(1, GoalHeading(p, gi))
		d.body(g.Description)
		d.fact(t("editor.fields.nationalGoals"), strings.Join(g.NationalGoals, "; "))
		d.fact(t("exports.qualityDimensions"), strings.Join(g.QualityDimensions, "; "))
		if len(g.Actions) == 0 {
			continue
		}
		d.heading(2, t("editor.actions"))
		header, widths := ActionColumns(p)
		rows := make([][]string, len(g.Actions))
		for ai, a := range g.Actions {
			rows[ai] = ActionCells(p, gi, ai, a)
		}
		d.table(header, widths, rows)
		for ai, a := range g.Actions {
			if a.Description == "" && len(a.Indicators) == 0 && len(a.Followups) == 0 && a.Contact == "" {
				continue
			}
			d.heading(3, ActionHeading(p, gi, ai))
			d.body(a.Description)
			d.fact(t("editor.fields.contact"), a.Contact)
			if len(a.Indicators) > 0 {
				d.label(t("editor.indicators"))
				header, widths := IndicatorColumns(p)
				rows := make([][]string, len(a.Indicators))
				for i, in := range a.Indicators {
					rows[i] = IndicatorCells(in)
				}
				d.table(header, widths, rows)
			}
			if len(a.Followups) > 0 {
				d.label(t("editor.followups"))
				for _, f := range a.Followups {
					d.followup(t("exports.followup"), orUntitled(f.Date, t("editor.untitled.followup")), f.Body)
				}
			}
		}
	}
}

func orUntitled(s, untitled string) string {
	if strings.TrimSpace(s) == "" {
		return untitled
	}
	return s
}

// GoalHeading is "Tavoite 1: title".
func GoalHeading(p *Plan, gi int) string {
	return p.labels.T("exports.goalHeading", "n", strconv.Itoa(gi+1), "title", orUntitled(p.Goals[gi].Title, p.labels.T("editor.untitled.goal")))
}

// ActionHeading is "Toimenpide 1.2: title".
func ActionHeading(p *Plan, gi, ai int) string {
	return p.labels.T("exports.actionHeading", "n", strconv.Itoa(gi+1)+"."+strconv.Itoa(ai+1),
		"title", orUntitled(p.Goals[gi].Actions[ai].Title, p.labels.T("editor.untitled.action")))
}

// ActionColumns are the header and widths (fiftieths of a percent) of a goal's actions table.
func ActionColumns(p *Plan) ([]string, []int) {
	t := p.labels.T
	return []string{"#", t("exports.action"), t("editor.fields.organisations"), t("exports.schedule"), t("editor.fields.status"), t("exports.progress")},
		[]int{350, 1300, 1100, 900, 600, 750}
}

// ActionCells is one row of the actions table.
func ActionCells(p *Plan, gi, ai int, a Action) []string {
	return []string{strconv.Itoa(gi+1) + "." + strconv.Itoa(ai+1), orUntitled(a.Title, p.labels.T("editor.untitled.action")),
		strings.Join(a.Organisations, ", "), a.Schedule(), a.StatusName, a.Progress}
}

// IndicatorColumns are the header and widths of an action's indicators table.
func IndicatorColumns(p *Plan) ([]string, []int) {
	t := p.labels.T
	return []string{t("exports.indicator"), t("editor.fields.unit"), t("editor.fields.baseline"), t("editor.fields.target"), t("exports.latest")},
		[]int{1800, 600, 700, 700, 1200}
}

// IndicatorCells is one row of the indicators table.
func IndicatorCells(in Indicator) []string {
	latest := in.Latest
	if in.LatestDate != "" {
		latest += " (" + in.LatestDate + ")"
	}
	return []string{in.Name, in.Unit, in.Baseline, in.Target, latest}
}

func docxLang(lang string) string {
	switch lang {
	case "sv":
		return "sv-FI"
	case "en":
		return "en-GB"
	}
	return "fi-FI"
}

func docxCore(p *Plan) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	_ = xml.EscapeText(&b, []byte(p.Title))
	b.WriteString(`</dc:title><dc:creator>ELO Workspace</dc:creator><dc:language>` + docxLang(p.Lang) + `</dc:language></cp:coreProperties>`)
	return b.String()
}

const docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const docxRootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const docxDocumentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`</Relationships>`

const docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`

// docxTail ends the body with an A4 page and 2 cm margins.
const docxTail = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>` +
	`<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>` +
	`</w:sectPr></w:body></w:document>`

const docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>` +
	`<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{{lang}}"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3A5F"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>` +
	`<w:rPr><w:b/><w:color w:val="1F3A5F"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr>` +
	`<w:rPr><w:b/><w:color w:val="1F3A5F"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr>` +
	`<w:rPr><w:b/><w:sz w:val="23"/><w:szCs w:val="23"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
	`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>` +
	`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
	`<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="8A9BB0"/><w:left w:val="single" w:sz="4" w:space="0" w:color="8A9BB0"/>` +
	`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="8A9BB0"/><w:right w:val="single" w:sz="4" w:space="0" w:color="8A9BB0"/>` +
	`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="8A9BB0"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="8A9BB0"/></w:tblBorders>` +
	`<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`
