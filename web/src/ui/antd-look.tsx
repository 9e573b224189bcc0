// The class names antd's Tag, Typography and Table put on their elements, for long lists that
// render plain elements with antd's look instead of a component each: a Tag or Typography.Text
// runs a dozen hooks per instance (semantic class merging, closable, ellipsis measuring), a
// fifty-row queue holds two hundred of them. The styles are antd's own (its prebuilt stylesheet,
// theme.ts); AntdLook registers the components' CSS variables once, as the components would.
// antd's style hooks are internal modules: antd is pinned in package.json, and the queue's
// screenshots show any drift after an upgrade.
import { ConfigProvider } from 'antd'
import useCSSVarCls from 'antd/es/config-provider/hooks/useCSSVarCls'
import useTableStyle from 'antd/es/table/style'
import useTagStyle from 'antd/es/tag/style'
import useTypographyStyle from 'antd/es/typography/style'
import { createContext, type ReactNode, useContext, useMemo } from 'react'

/** antd's preset and status colours: the ones a tag gets a class for, not an inline style. */
export type TagColor =
  | 'blue'
  | 'purple'
  | 'cyan'
  | 'green'
  | 'magenta'
  | 'red'
  | 'orange'
  | 'gold'
  | 'volcano'
  | 'processing'
  | 'default'
export type TagVariant = 'filled' | 'outlined' | 'solid'

export type Look = {
  /** `<Tag variant color>`'s class names (antd/es/tag: variant filled unless given). */
  tag: (variant?: TagVariant, color?: TagColor) => string
  /** `<Typography.Text type>`'s class names. */
  text: (type?: 'secondary' | 'danger') => string
  /** The prefix and the style classes antd's Table puts on its wrapper and its table. */
  table: { prefix: string; style: string }
}

const LookContext = createContext<Look | null>(null)

const join = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ')

/** Inside antd's ConfigProvider (the console's shell): the class names for everything below. */
export function AntdLook({ children }: { children: ReactNode }) {
  const { getPrefixCls } = useContext(ConfigProvider.ConfigContext)
  const tag = getPrefixCls('tag')
  const text = getPrefixCls('typography')
  const table = getPrefixCls('table')
  const tableRoot = useCSSVarCls(table)
  const [tagHash, tagVars] = useTagStyle(tag)
  const [textHash, textVars] = useTypographyStyle(text)
  const [tableHash, tableVars] = useTableStyle(table, tableRoot)
  const look = useMemo(
    (): Look => ({
      tag: (variant = 'filled', color) =>
        join(tag, `${tag}-${variant}`, color && `${tag}-${color}`, tagHash, tagVars),
      text: (type) => join(text, type && `${text}-${type}`, textHash, textVars),
      table: { prefix: table, style: join(tableVars, tableRoot, tableHash) },
    }),
    [tag, tagHash, tagVars, text, textHash, textVars, table, tableRoot, tableHash, tableVars],
  )
  return <LookContext value={look}>{children}</LookContext>
}

export function useLook(): Look {
  const look = useContext(LookContext)
  if (!look) throw new Error('useLook: no <AntdLook> above (it is in the console shell)')
  return look
}
