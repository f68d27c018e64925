import { afterEach, describe, expect, it } from 'vitest'
import { requireRenderer } from '../../helpers/render-docx'

const PATH = process.env.PATH

afterEach(() => {
  process.env.PATH = PATH
})

describe('render helper', () => {
  it('fails (does not skip) naming the apt packages when LibreOffice or pdftoppm is missing', () => {
    process.env.PATH = '/nonexistent'
    expect(() => requireRenderer()).toThrow(
      /libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils/,
    )
  })

  it('finds soffice and pdftoppm on this machine', () => {
    expect(requireRenderer()).toEqual({
      soffice: expect.stringMatching(/soffice$/),
      pdftoppm: expect.stringMatching(/pdftoppm$/),
    })
  })
})
