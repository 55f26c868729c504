package qr

// versionTables is everything about a version that does not depend on the data.
type versionTables struct {
	size   int
	base   []byte    // function patterns drawn, format areas light
	isFunc []bool    // modules that are not data
	order  []int32   // data module indices in placement order
	masks  [8][]byte // 1 where a mask flips a data module
	pk     *packedTables
}

func newVersionTables(ver int) *versionTables {
	size := ver*4 + 17
	vt := &versionTables{size: size, base: make([]byte, size*size), isFunc: make([]bool, size*size)}
	vt.drawFunctionPatterns(ver)
	vt.computeOrder()
	for m := range vt.masks {
		vt.masks[m] = vt.maskPattern(m)
	}
	return vt
}

func (vt *versionTables) set(x, y int, dark bool) {
	i := y*vt.size + x
	vt.base[i] = 0
	if dark {
		vt.base[i] = 1
	}
	vt.isFunc[i] = true
}

func (vt *versionTables) drawFunctionPatterns(ver int) {
	size := vt.size
	for i := 0; i < size; i++ {
		vt.set(6, i, i%2 == 0)
		vt.set(i, 6, i%2 == 0)
	}
	vt.drawFinder(3, 3)
	vt.drawFinder(size-4, 3)
	vt.drawFinder(3, size-4)
	pos := alignmentPositions(ver)
	last := len(pos) - 1
	for i := range pos {
		for j := range pos {
			if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) {
				continue // those corners hold finder patterns
			}
			vt.drawAlignment(pos[i], pos[j])
		}
	}
	// Reserve the format areas; drawFormat fills them once the mask is known.
	vt.drawFormatBits(0, func(x, y int, _ bool) { vt.set(x, y, false) })
	vt.set(8, size-8, true) // the dark module
	if ver >= 7 {
		vt.drawVersion(ver)
	}
}

func (vt *versionTables) drawFinder(cx, cy int) {
	for dy := -4; dy <= 4; dy++ {
		for dx := -4; dx <= 4; dx++ {
			x, y := cx+dx, cy+dy
			if x < 0 || y < 0 || x >= vt.size || y >= vt.size {
				continue
			}
			d := max(abs(dx), abs(dy))
			vt.set(x, y, d != 2 && d != 4)
		}
	}
}

func (vt *versionTables) drawAlignment(cx, cy int) {
	for dy := -2; dy <= 2; dy++ {
		for dx := -2; dx <= 2; dx++ {
			vt.set(cx+dx, cy+dy, max(abs(dx), abs(dy)) != 1)
		}
	}
}

func (vt *versionTables) drawVersion(ver int) {
	rem := ver
	for i := 0; i < 12; i++ {
		rem = (rem << 1) ^ ((rem >> 11) * 0x1F25)
	}
	bits := ver<<12 | rem
	for i := 0; i < 18; i++ {
		dark := (bits>>uint(i))&1 != 0
		a, b := vt.size-11+i%3, i/3
		vt.set(a, b, dark)
		vt.set(b, a, dark)
	}
}

// drawFormat writes the 15 format bits for level and mask into modules.
func (vt *versionTables) drawFormat(modules []byte, level Level, mask int) {
	data := formatLevelBits[level]<<3 | mask
	vt.drawFormatBits(data, func(x, y int, dark bool) {
		var v byte
		if dark {
			v = 1
		}
		modules[y*vt.size+x] = v
	})
}

// drawFormatBits computes the BCH-protected format word for data (5 bits) and hands both of
// its copies, module by module, to put.
func (vt *versionTables) drawFormatBits(data int, put func(x, y int, dark bool)) {
	rem := data
	for i := 0; i < 10; i++ {
		rem = (rem << 1) ^ ((rem >> 9) * 0x537)
	}
	bits := (data<<10 | rem) ^ 0x5412
	bit := func(i int) bool { return (bits>>uint(i))&1 != 0 }
	size := vt.size
	for i := 0; i <= 5; i++ {
		put(8, i, bit(i))
	}
	put(8, 7, bit(6))
	put(8, 8, bit(7))
	put(7, 8, bit(8))
	for i := 9; i < 15; i++ {
		put(14-i, 8, bit(i))
	}
	for i := 0; i < 8; i++ {
		put(size-1-i, 8, bit(i))
	}
	for i := 8; i < 15; i++ {
		put(8, size-15+i, bit(i))
	}
}

// computeOrder walks the zigzag: two-module columns from the right, alternately upward and
// downward, skipping the vertical timing column.
func (vt *versionTables) computeOrder() {
	size := vt.size
	vt.order = make([]int32, 0, size*size)
	for right := size - 1; right >= 1; right -= 2 {
		if right == 6 {
			right = 5
		}
		for vert := 0; vert < size; vert++ {
			for j := 0; j < 2; j++ {
				x := right - j
				y := vert
				if (right+1)&2 == 0 {
					y = size - 1 - vert
				}
				if i := y*size + x; !vt.isFunc[i] {
					vt.order = append(vt.order, int32(i))
				}
			}
		}
	}
}

func (vt *versionTables) maskPattern(m int) []byte {
	size := vt.size
	out := make([]byte, size*size)
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var flip bool
			switch m {
			case 0:
				flip = (x+y)%2 == 0
			case 1:
				flip = y%2 == 0
			case 2:
				flip = x%3 == 0
			case 3:
				flip = (x+y)%3 == 0
			case 4:
				flip = (x/3+y/2)%2 == 0
			case 5:
				flip = x*y%2+x*y%3 == 0
			case 6:
				flip = (x*y%2+x*y%3)%2 == 0
			case 7:
				flip = ((x+y)%2+x*y%3)%2 == 0
			}
			if flip && !vt.isFunc[y*size+x] {
				out[y*size+x] = 1
			}
		}
	}
	return out
}

func applyMask(modules, mask []byte) {
	for i, m := range mask {
		modules[i] ^= m
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
