package exports

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/elo-workspace/elo-workspace/server/national"
	"github.com/elo-workspace/elo-workspace/server/refdata"
)

// The national summary: the dashboard's matrix of national goals by region as a flat table,
// one row per region and national goal, each region's total, then the national totals, with
// the figures as numbers.

func refText(n refdata.Names, lang string) string {
	switch lang {
	case "sv":
		return n.SV
	case "en":
		return n.EN
	}
	return n.FI
}

// summaryTable is the header and rows of a dashboard.
func summaryTable(d national.Dashboard, lang string) ([]string, [][]any, error) {
	lb, err := LabelsFor(lang)
	if err != nil {
		return nil, nil, err
	}
	t := lb.T
	header := []string{t("exports.region"), t("editor.fields.nationalGoals"), t("exports.summaryPlans"), t("exports.summaryGoals"),
		t("editor.actions"), t("editor.actionStatuses.planned"), t("editor.actionStatuses.in_progress"), t("editor.actionStatuses.done"),
		t("editor.actionStatuses.postponed"), t("editor.actionStatuses.cancelled"), t("editor.fields.progress"), t("editor.indicators"),
		t("exports.summaryMeasured"), t("exports.summaryOnTrack"), t("exports.lastFollowup"), t("exports.summaryPractices")}
	goalName := map[string]string{}
	for _, g := range d.NationalGoals {
		goalName[g.ID] = g.Code + " " + refText(g.Names, lang)
	}
	row := func(region, goal string, plans any, s national.Summary, practices any) []any {
		var progress any = ""
		if s.Progress != nil {
			progress = *s.Progress
		}
		return []any{region, goal, plans, s.Goals, s.Actions, s.Status.Planned, s.Status.InProgress, s.Status.Done, s.Status.Postponed,
			s.Status.Cancelled, progress, s.Indicators, s.Measured, s.OnTrack, s.LastFollowup, practices}
	}
	// The published practices of a row's national goal i (-1: the row's total), "" when not counted.
	practices := func(pr *national.PracticeRow, i int) any {
		switch {
		case pr == nil:
			return ""
		case i < 0:
			return pr.Total
		case i < len(pr.Cells):
			return pr.Cells[i]
		}
		return ""
	}
	var rows [][]any
	for ri, r := range d.Rows {
		name := refText(r.Region.Names, lang)
		var pr *national.PracticeRow
		if ri < len(d.Practices.Rows) {
			pr = &d.Practices.Rows[ri]
		}
		for i, c := range r.Cells {
			rows = append(rows, row(name, goalName[c.NationalGoal], "", c.Summary, practices(pr, i)))
		}
		rows = append(rows, row(name, t("exports.summaryTotal"), r.Plans, r.Total, practices(pr, -1)))
	}
	all := t("exports.summaryAllRegions")
	tp := &d.Practices.Totals
	if tp.Cells == nil {
		tp = nil
	}
	for i, c := range d.Totals.Cells {
		rows = append(rows, row(all, goalName[c.NationalGoal], "", c.Summary, practices(tp, i)))
	}
	rows = append(rows, row(all, t("exports.summaryTotal"), d.Totals.Plans, d.Totals.Total, practices(tp, -1)))
	return header, rows, nil
}

// WriteSummaryCSV writes the national summary as CSV (UTF-8 with a byte-order mark).
func WriteSummaryCSV(w io.Writer, d national.Dashboard, lang string) error {
	header, rows, err := summaryTable(d, lang)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(header))
	for _, r := range rows {
		for i, c := range r {
			switch v := c.(type) {
			case string:
				rec[i] = csvSafe(v)
			case int:
				rec[i] = strconv.Itoa(v)
			case float64:
				rec[i] = number(v, "en")
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteSummaryXLSX writes the national summary as an Excel workbook.
func WriteSummaryXLSX(w io.Writer, d national.Dashboard, lang string) error {
	header, rows, err := summaryTable(d, lang)
	if err != nil {
		return err
	}
	lb, _ := LabelsFor(lang)
	x := excelize.NewFile()
	defer x.Close()
	head, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF4"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	sheet := sheetName(lb.T("exports.summarySheet"))
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	widths := []float64{18, 40, 9, 9, 9, 10, 10, 10, 10, 10, 12, 10, 10, 10, 12, 12}
	if err := writeSheet(x, sheet, header, widths, rows, head); err != nil {
		return err
	}
	return x.Write(w)
}

// SummaryTitle names the summary's file.
func SummaryTitle(lang string) string {
	lb, err := LabelsFor(lang)
	if err != nil {
		return "summary"
	}
	return lb.T("exports.summarySheet")
}
