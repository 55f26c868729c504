package qr

import "math/bits"

// The packed path scores masks on rows and columns held as 64-bit words (bit x = module x),
// so a mask is a word XOR per line and runs are found by counting trailing zeros. It covers
// versions 1 to 11 (up to 61 modules), which is every URL a card carries; bigger codes take
// the byte-per-module path. Both give the same scores (the reference test checks both).

// packedTables are the masks and format positions of a version in packed form.
type packedTables struct {
	maskRows, maskCols [8][]uint64
	format             [8 * 4][]formatBit // dark format modules per (level, mask)
}

type formatBit struct{ x, y uint8 }

func (vt *versionTables) packed() *packedTables {
	if vt.pk != nil {
		return vt.pk
	}
	pk := &packedTables{}
	for m := 0; m < 8; m++ {
		pk.maskRows[m], pk.maskCols[m] = packLines(vt.masks[m], vt.size)
	}
	for l := L; l <= H; l++ {
		for m := 0; m < 8; m++ {
			data := formatLevelBits[l]<<3 | m
			var dark []formatBit
			vt.drawFormatBits(data, func(x, y int, d bool) {
				if d {
					dark = append(dark, formatBit{uint8(x), uint8(y)})
				}
			})
			pk.format[int(l)*8+m] = dark
		}
	}
	vt.pk = pk
	return pk
}

// packLines packs a size×size byte matrix into row words and column words.
func packLines(m []byte, size int) (rows, cols []uint64) {
	rows, cols = make([]uint64, size), make([]uint64, size)
	packInto(m, size, rows, cols)
	return rows, cols
}

func packInto(m []byte, size int, rows, cols []uint64) {
	clear(cols)
	for y := 0; y < size; y++ {
		var w uint64
		row := m[y*size : (y+1)*size]
		for x, v := range row {
			w |= uint64(v) << uint(x)
			cols[x] |= uint64(v) << uint(y)
		}
		rows[y] = w
	}
}

func (e *Encoder) bestMaskPacked(vt *versionTables, modules []byte, level Level) int {
	pk := vt.packed()
	size := vt.size
	if cap(e.words) < 4*size {
		e.words = make([]uint64, 4*size)
	}
	w := e.words[:4*size]
	rows0, cols0, rows, cols := w[:size], w[size:2*size], w[2*size:3*size], w[3*size:]
	packInto(modules, size, rows0, cols0)
	best, bestScore := 0, -1
	for m := 0; m < 8; m++ {
		mr, mc := pk.maskRows[m], pk.maskCols[m]
		for i := range rows {
			rows[i] = rows0[i] ^ mr[i]
			cols[i] = cols0[i] ^ mc[i]
		}
		for _, f := range pk.format[int(level)*8+m] {
			rows[f.y] |= 1 << f.x
			cols[f.x] |= 1 << f.y
		}
		if s := penaltyPacked(rows, cols, size); bestScore < 0 || s < bestScore {
			best, bestScore = m, s
		}
	}
	return best
}

func penaltyPacked(rows, cols []uint64, size int) int {
	full := uint64(1)<<uint(size) - 1
	score, dark := 0, 0
	for _, r := range rows {
		score += lineScoreBits(r, size, full)
		dark += bits.OnesCount64(r)
	}
	for _, c := range cols {
		score += lineScoreBits(c, size, full)
	}
	pairs := full >> 1 // x from 0 to size-2
	for y := 0; y+1 < size; y++ {
		a, b := rows[y], rows[y+1]
		same := ^(a ^ b) & ^(a ^ a>>1) & ^(b ^ b>>1) & pairs
		score += bits.OnesCount64(same) * penaltyN2
	}
	total := size * size
	k := (abs(dark*20-total*10)+total-1)/total - 1
	return score + k*penaltyN4
}

// lineScoreBits scores a packed line for rules 1 and 3 with word operations only. Bit x of a
// shifted line is module x±k; bits shifted in from outside are light, like the quiet zone.
func lineScoreBits(line uint64, size int, full uint64) int {
	// Rule 1: a window of 5 equal modules starts at x; a run of r ≥ 5 holds r-4 windows and
	// scores N1 + (r-5), that is windows + 2 per run.
	eq := ^(line ^ line>>1)
	win := eq & (eq >> 1) & (eq >> 2) & (eq >> 3) & (full >> 4)
	score := bits.OnesCount64(win) + 2*bits.OnesCount64(win&^(win<<1))

	// Rule 3: dark-light-dark-dark-dark-light-dark starting at x, light on both ends, with 4
	// light modules before it or after it.
	// Shifts get parentheses: in Go, & and >> share one precedence level.
	core := line & ^(line >> 1) & (line >> 2) & (line >> 3) & (line >> 4) & ^(line >> 5) & (line >> 6)
	lightBefore1, lightAfter1 := ^(line << 1), ^(line >> 7)
	before4 := lightBefore1 & ^(line << 2) & ^(line << 3) & ^(line << 4)
	after4 := lightAfter1 & ^(line >> 8) & ^(line >> 9) & ^(line >> 10)
	core &= full & lightBefore1 & lightAfter1
	finders := bits.OnesCount64(core&before4) + bits.OnesCount64(core&after4)
	return score + finders*penaltyN3
}
