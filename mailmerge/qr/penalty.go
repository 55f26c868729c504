package qr

// The mask penalty rules of ISO/IEC 18004 §7.8.3, with the weights N1 to N4.
const (
	penaltyN1 = 3
	penaltyN2 = 3
	penaltyN3 = 40
	penaltyN4 = 10
)

// bestMask returns the mask whose result scores the lowest penalty, as the standard asks, so
// the codes read as well as any other encoder's.
func (e *Encoder) bestMask(vt *versionTables, modules []byte, level Level) int {
	if vt.size <= 64 {
		return e.bestMaskPacked(vt, modules, level)
	}
	e.trial = grow(e.trial, len(modules))
	best, bestScore := 0, -1
	for m := 0; m < 8; m++ {
		mask := vt.masks[m]
		for i, v := range modules {
			e.trial[i] = v ^ mask[i]
		}
		vt.drawFormat(e.trial, level, m)
		if s := penalty(e.trial, vt.size); bestScore < 0 || s < bestScore {
			best, bestScore = m, s
		}
	}
	return best
}

// penalty scores a masked matrix: long runs, 2×2 blocks, finder look-alikes, dark balance.
func penalty(m []byte, size int) int {
	score := 0
	var h runHistory
	for y := 0; y < size; y++ {
		score += lineScore(m[y*size:], 1, size, &h)
	}
	for x := 0; x < size; x++ {
		score += lineScore(m[x:], size, size, &h)
	}
	dark := 0
	for y := 0; y < size-1; y++ {
		row, next := m[y*size:(y+1)*size], m[(y+1)*size:(y+2)*size]
		for x := 0; x < size-1; x++ {
			c := row[x]
			if c == row[x+1] && c == next[x] && c == next[x+1] {
				score += penaltyN2
			}
		}
	}
	for _, v := range m {
		dark += int(v)
	}
	total := size * size
	k := (abs(dark*20-total*10)+total-1)/total - 1
	return score + k*penaltyN4
}

// runHistory keeps the last seven run lengths of a line, newest first.
type runHistory struct {
	runs [7]int
	size int
}

// lineScore scores one row or column (stride 1 or size) for rule 1 (runs of 5 or more) and
// rule 3 (1:1:3:1:1 patterns with 4 light modules on a side).
func lineScore(m []byte, stride, size int, h *runHistory) int {
	score := 0
	*h = runHistory{size: size}
	color, run := byte(0), 0
	for i := 0; i < size; i++ {
		v := m[i*stride]
		if v == color {
			run++
			if run == 5 {
				score += penaltyN1
			} else if run > 5 {
				score++
			}
			continue
		}
		h.add(run)
		if color == 0 {
			score += h.finderLike() * penaltyN3
		}
		color, run = v, 1
	}
	// Close the line as if it continued into the light quiet zone.
	if color == 1 {
		h.add(run)
		run = 0
	}
	run += size
	h.add(run)
	return score + h.finderLike()*penaltyN3
}

func (h *runHistory) add(run int) {
	if h.runs[0] == 0 {
		run += h.size // the quiet zone before the line counts as light
	}
	r := &h.runs
	r[6], r[5], r[4], r[3], r[2], r[1], r[0] = r[5], r[4], r[3], r[2], r[1], r[0], run
}

// finderLike counts the dark 1:1:3:1:1 patterns ending at the newest run with 4 light modules
// on one side and at least 1 on the other. Like zxing, only unit-width patterns count: scaled
// look-alikes are rare, any mask decodes, and the packed path can then test patterns with
// word operations.
func (h *runHistory) finderLike() int {
	r := &h.runs
	const n = 1
	core := r[1] == n && r[2] == n && r[3] == n*3 && r[4] == n && r[5] == n
	c := 0
	if core && r[0] >= n*4 && r[6] >= n {
		c++
	}
	if core && r[6] >= n*4 && r[0] >= n {
		c++
	}
	return c
}
