import { HomeOutlined, ShopOutlined } from '@ant-design/icons'
import type { UnitKind } from '../api'

export function UnitKindIcon({ kind }: { kind: UnitKind }) {
  return kind === 'office' ? <ShopOutlined aria-hidden /> : <HomeOutlined aria-hidden />
}
