package mailmerge

import "rollcall/mailmerge/pdf"

// qrRun is a rectangle of dark modules: columns [x, x+w), rows [y0, y0+h).
type qrRun struct{ x, w, y0, h int }

// drawQR draws r.qrCode as vector rectangles in a side×side square whose bottom-left corner
// is (x, y). Drawing in a module-sized coordinate system keeps every number a small integer,
// and merging horizontal runs, then identical runs of consecutive rows, draws about a third
// as many rectangles as there are dark modules: this is what keeps 100,000 codes small and
// fast to write, and sharp at any printer resolution, unlike an image.
func (r *cardRenderer) drawQR(c *pdf.Content, x, y, side float64) {
	code := &r.qrCode
	m := side / float64(code.Size)
	c.Save()
	c.FillGray(0)
	// Flip y so row 0 is on top: the module (col, row) is the unit square at (col, row).
	c.Transform(m, 0, 0, -m, x, y+side)
	open := r.qrRuns[:0] // runs still growing downwards, sorted by x
	for row := 0; row < code.Size; row++ {
		cur := r.qrPending[:0]
		bits := code.Row(row)
		k := 0 // index into open
		for col := 0; col < code.Size; {
			if bits[col] == 0 {
				col++
				continue
			}
			start := col
			for col < code.Size && bits[col] != 0 {
				col++
			}
			run := qrRun{x: start, w: col - start, y0: row, h: 1}
			// Close open runs left of this one; extend the one that matches exactly.
			for k < len(open) && open[k].x < start {
				emitRun(c, open[k])
				k++
			}
			if k < len(open) && open[k].x == start && open[k].w == run.w {
				run = open[k]
				run.h++
				k++
			}
			cur = append(cur, run)
		}
		for ; k < len(open); k++ {
			emitRun(c, open[k])
		}
		// Swap buffers: this row's runs become the open ones.
		r.qrRuns, r.qrPending = cur, open
		open = cur
	}
	for _, run := range open {
		emitRun(c, run)
	}
	c.Fill()
	c.Restore()
}

func emitRun(c *pdf.Content, run qrRun) { c.RectInt(run.x, run.y0, run.w, run.h) }
