package exports

// The PDF writer, on github.com/go-pdf/fpdf (MIT; the maintained successor of jung-kurt/gofpdf,
// feature-complete: UTF-8 TrueType fonts embedded as subsets, wrapped text, automatic page
// breaks, outlines). The fonts are the Go fonts (golang.org/x/image/font/gofont, BSD), which
// cover Finnish and Swedish letters and come from the module proxy like any other dependency.

import (
	"io"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

const (
	pdfFont   = "Go"
	pdfMargin = 18.0 // mm
	pdfLine   = 5.0  // mm, body line height at 10 pt
)

type pdfDoc struct {
	f      *fpdf.Fpdf
	labels *Labels
	width  float64 // of the text area
}

func newPDF(p *Plan) *pdfDoc {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	f.SetAutoPageBreak(true, pdfMargin)
	f.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	f.AddUTF8FontFromBytes(pdfFont, "B", gobold.TTF)
	f.AddUTF8FontFromBytes(pdfFont, "I", goitalic.TTF)
	f.SetTitle(p.Title, true)
	f.SetCreator("ELO Workspace", true)
	f.SetLang(docxLang(p.Lang))
	f.AliasNbPages("{nb}")
	w, _ := f.GetPageSize()
	d := &pdfDoc{f: f, labels: p.labels, width: w - 2*pdfMargin}
	f.SetFooterFunc(func() {
		f.SetY(-12)
		f.SetFont(pdfFont, "I", 8)
		f.SetTextColor(90, 90, 90)
		f.CellFormat(d.width/2, 5, truncate(p.Title, 80), "", 0, "L", false, 0, "")
		f.CellFormat(d.width/2, 5, strconv.Itoa(f.PageNo())+" / {nb}", "", 0, "R", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
	f.AddPage()
	return d
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// heading writes a heading (level 0 is the title) and adds it to the outline.
func (d *pdfDoc) heading(level int, s string) {
	sizes := []float64{20, 15, 12.5, 11}
	before := []float64{0, 6, 4, 3}
	f := d.f
	size := sizes[level]
	lh := size * 0.5
	// Keep a heading with at least three lines of what follows.
	if f.GetY()+before[level]+lh+3*pdfLine > 297-pdfMargin {
		f.AddPage()
	} else {
		f.Ln(before[level])
	}
	if level > 0 {
		f.Bookmark(s, level-1, -1)
	}
	f.SetFont(pdfFont, "B", size)
	if level <= 2 {
		f.SetTextColor(31, 58, 95)
	}
	f.MultiCell(d.width, lh, s, "", "L", false)
	f.SetTextColor(0, 0, 0)
	f.Ln(1.5)
}

// body writes paragraphs.
func (d *pdfDoc) body(s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	d.f.SetFont(pdfFont, "", 10)
	for _, p := range strings.Split(s, "\n") {
		if p = strings.TrimRight(p, " \t\r"); p != "" {
			d.f.MultiCell(d.width, pdfLine, p, "", "L", false)
			d.f.Ln(1.2)
		}
	}
}

// fact writes "label: value" with the label in bold.
func (d *pdfDoc) fact(label, value string) {
	if value == "" {
		return
	}
	f := d.f
	f.SetFont(pdfFont, "B", 10)
	lw := f.GetStringWidth(label+": ") + 1
	if lw > d.width/2 {
		lw = d.width / 2
	}
	x := f.GetX()
	f.CellFormat(lw, pdfLine, label+":", "", 0, "L", false, 0, "")
	f.SetFont(pdfFont, "", 10)
	f.SetLeftMargin(x + lw)
	f.MultiCell(d.width-lw, pdfLine, value, "", "L", false)
	f.SetLeftMargin(x)
	f.SetX(x)
	f.Ln(0.8)
}

// table writes a table whose cells wrap; a row that does not fit starts a new page, where the
// header is repeated. widths are shares (fiftieths of a percent, summing to 5000).
func (d *pdfDoc) table(header []string, shares []int, rows [][]string) {
	f := d.f
	ws := make([]float64, len(shares))
	for i, s := range shares {
		ws[i] = d.width * float64(s) / 5000
	}
	const pad, lh = 1.2, 4.4
	lines := func(cells []string) ([][]string, float64) {
		out := make([][]string, len(cells))
		n := 1
		for i, c := range cells {
			out[i] = f.SplitText(c, ws[i]-2*pad)
			if len(out[i]) == 0 {
				out[i] = []string{""}
			}
			n = max(n, len(out[i]))
		}
		return out, float64(n)*lh + 2*pad
	}
	draw := func(cells []string, head bool) {
		style := ""
		if head {
			style = "B"
		}
		f.SetFont(pdfFont, style, 9)
		ls, h := lines(cells)
		if f.GetY()+h > 297-pdfMargin && !head {
			f.AddPage()
			drawHeader(f, d, header, ws, lines, pad, lh)
			f.SetFont(pdfFont, "", 9)
		}
		x, y := f.GetX(), f.GetY()
		for i := range cells {
			if head {
				f.SetFillColor(232, 238, 244)
			}
			f.Rect(x, y, ws[i], h, map[bool]string{true: "FD", false: "D"}[head])
			for j, line := range ls[i] {
				f.Text(x+pad, y+pad+float64(j)*lh+lh*0.75, line)
			}
			x += ws[i]
		}
		f.SetXY(f.GetX(), y+h)
	}
	f.SetDrawColor(138, 155, 176)
	f.SetLineWidth(0.2)
	// Start on a new page when not even the header and one row fit.
	f.SetFont(pdfFont, "B", 9)
	_, hh := lines(header)
	if f.GetY()+hh+lh+2*pad > 297-pdfMargin {
		f.AddPage()
	}
	draw(header, true)
	for _, r := range rows {
		draw(r, false)
	}
	f.Ln(3)
}

func drawHeader(f *fpdf.Fpdf, d *pdfDoc, header []string, ws []float64, lines func([]string) ([][]string, float64), pad, lh float64) {
	f.SetFont(pdfFont, "B", 9)
	ls, h := lines(header)
	x, y := f.GetX(), f.GetY()
	f.SetFillColor(232, 238, 244)
	for i := range header {
		f.Rect(x, y, ws[i], h, "FD")
		for j, line := range ls[i] {
			f.Text(x+pad, y+pad+float64(j)*lh+lh*0.75, line)
		}
		x += ws[i]
	}
	f.SetXY(f.GetX(), y+h)
}

func (d *pdfDoc) label(string) {} // the PDF's tables carry their own header rows

func (d *pdfDoc) followup(word, date, body string) { d.fact(word+" "+date, body) }

// WritePDF writes the plan as a PDF document.
func WritePDF(w io.Writer, p *Plan) error {
	d := newPDF(p)
	writePlan(d, p)
	return d.f.Output(w)
}
