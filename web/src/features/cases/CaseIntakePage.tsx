import { HomeOutlined, UserOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Segmented,
  Tag,
  Typography,
} from 'antd'
import { type KeyboardEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { isApiError } from '../../api/client'
import { useCurrentUser } from '../../app/auth/me-context'
import { useCurrentProperty } from '../../app/property/property-context'
import { applyFormErrors, errorMessage } from '../../ui/errors'
import { todayIn } from '../../ui/format'
import { PageHeader } from '../../ui/PageHeader'
import { useCustomer } from '../customers/api'
import { UnitPicker } from '../customers/components/UnitPicker'
import { INTAKE_TYPES, type CaseChannel, type CaseType, useCreateCase } from './api'
import {
  AUTO_TITLE_TYPES,
  createBody,
  CUSTOMER_TYPES,
  dayOf,
  type IntakeValues as Values,
  PARTY_TYPES,
  PRIORITIES,
  refusalField,
  STAFF_CHANNELS,
} from './components/intake-form'
import { type Party, PartyPicker } from './components/PartyPicker'
import { TypeFields } from './components/TypeFields'

/** 登记工单: the desk registers a call or a visit in a few keystrokes. */
export function CaseIntakePage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const me = useCurrentUser()
  const isCustomer = me.kind === 'customer'
  const { propertyId, timeZone } = useCurrentProperty()
  const [form] = Form.useForm<Values>()
  const [params] = useSearchParams()
  const types = isCustomer ? CUSTOMER_TYPES : INTAKE_TYPES
  // The move calendar links here with ?type=move_in or move_out.
  const [type, setType] = useState<CaseType>(
    types.find((k) => k === params.get('type')) ?? 'complaint',
  )
  const [another, setAnother] = useState(false)
  // What the picker linked (a customer, or a unit and its one occupant), shown under it.
  const [party, setParty] = useState<Party | null>(null)
  const [partyKey, setPartyKey] = useState(0)
  const create = useCreateCase()
  const picked = party?.kind === 'customer' ? party.customerId : undefined
  const customer = useCustomer(picked)
  const today = todayIn(timeZone)
  const pickedCustomer = customer.data?.id === picked ? customer.data : undefined
  const customerUnit = pickedCustomer?.occupancies.find((o) => !o.toDate || o.toDate >= today)
  const linked =
    party?.kind === 'customer'
      ? { customer: party.name, unit: customerUnit?.unitNumber }
      : { customer: party?.customerName, unit: party?.number }

  // A picked customer brings their unit and contact (a masked phone is not copied).
  useEffect(() => {
    const c = pickedCustomer
    if (!c) return
    const contact = c.contacts.find((x) => x.isPrimary) ?? c.contacts[0]
    const phone = contact?.phone ?? c.phone
    form.setFieldsValue({
      customerId: c.id,
      ...(customerUnit ? { unitId: customerUnit.unitId } : {}),
      contactName: contact?.name ?? (c.kind === 'person' ? c.name : undefined),
      contactPhone: !c.masked && phone ? phone : undefined,
    })
  }, [pickedCustomer, customerUnit, form])

  const priorities = PRIORITIES[type]
  const autoTitle = AUTO_TITLE_TYPES.has(type)

  // A liaison slip is an internal order: its channel starts as 内部, the others' as 电话.
  const onType = (next: CaseType) => {
    const channel = form.getFieldValue('channel') as CaseChannel | undefined
    if (next === 'liaison' && channel === 'phone') form.setFieldsValue({ channel: 'internal' })
    if (next !== 'liaison' && channel === 'internal') form.setFieldsValue({ channel: 'phone' })
    setType(next)
  }

  const onPick = (next: Party) => {
    if (next.kind === 'customer') {
      form.setFieldsValue({ customerId: next.customerId, unitId: undefined })
    } else {
      form.setFieldsValue({ unitId: next.unitId, customerId: next.customerId })
      if (next.customerName) form.setFieldsValue({ contactName: next.customerName })
    }
    setParty(next)
  }
  const onClearParty = () => {
    form.setFieldsValue({ customerId: undefined, unitId: undefined })
    setParty(null)
  }

  const submit = async (v: Values) => {
    if (!propertyId) return
    // A move or a slip is of a customer and a unit; a customer's own self is the server's.
    if (PARTY_TYPES.has(type) && (!v.unitId || (!isCustomer && !v.customerId))) {
      void message.error(t(isCustomer ? 'cases.intake.unitRequired' : 'cases.intake.partyRequired'))
      return
    }
    const defaultTitle = [t(`cases.type.${type}`), linked.unit, dayOf(type, v)]
      .filter(Boolean)
      .join(' · ')
    const caller = { isCustomer, issuer: me.department }
    const body = createBody(type, propertyId, v, caller, defaultTitle)
    try {
      const created = await create.mutateAsync(body)
      if (!another) {
        void navigate(`/cases/${created.id}`)
        return
      }
      void message.success({
        content: (
          <>
            {t('cases.intake.created', { number: created.number })}{' '}
            <Link to={`/cases/${created.id}`}>{t('cases.intake.open')}</Link>
          </>
        ),
      })
      form.resetFields()
      form.setFieldsValue({ channel: v.channel })
      setParty(null)
      setPartyKey((k) => k + 1)
    } catch (error) {
      if (applyFormErrors(form, t, error)) return
      // A rule the server checks on several fields at once (a fit-out's dates) names no field.
      const field = isApiError(error) ? refusalField(error.code) : null
      if (field) form.setFields([{ name: field as never, errors: [errorMessage(t, error)] }])
      else void message.error(errorMessage(t, error))
    }
  }

  const onSubmitKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      form.submit()
    }
  }
  if (!propertyId) return <Empty description={t('property.none')} />

  return (
    <>
      <PageHeader title={t('cases.intake.title')} />
      <Card style={{ maxWidth: 980 }}>
        <Segmented<CaseType>
          block
          size="large"
          value={type}
          onChange={onType}
          options={types.map((k) => ({ value: k, label: t(`cases.type.${k}`) }))}
          style={{ marginBottom: 20 }}
        />
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{
            channel: 'phone',
            priority: 'normal',
            category: 'complaint',
            role: 'tenant',
            items: [{ quantity: 1 }],
          }}
        >
          <Form.Item name="customerId" hidden>
            <Input />
          </Form.Item>
          {isCustomer ? (
            <Form.Item name="unitId" label={t('cases.field.unit')}>
              <UnitPicker propertyId={propertyId} />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="unitId" hidden>
                <Input />
              </Form.Item>
              <Form.Item
                label={t('cases.intake.party')}
                htmlFor="case-party"
                extra={
                  linked.customer || linked.unit ? (
                    <Flex gap={4} style={{ marginTop: 4 }}>
                      {linked.customer && (
                        <Tag icon={<UserOutlined />} color="blue">
                          {linked.customer}
                        </Tag>
                      )}
                      {linked.unit && (
                        <Tag icon={<HomeOutlined />} color="blue">
                          {t('cases.intake.linkedUnit', { unit: linked.unit })}
                        </Tag>
                      )}
                    </Flex>
                  ) : (
                    t('cases.intake.partyHint')
                  )
                }
              >
                <PartyPicker
                  key={partyKey}
                  id="case-party"
                  propertyId={propertyId}
                  onPick={onPick}
                  onClear={onClearParty}
                  autoFocus
                />
              </Form.Item>
            </>
          )}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="contactName" label={t('cases.field.contactName')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="contactPhone"
                label={t('cases.field.contactPhone')}
                rules={[{ pattern: /^[0-9+ ()-]{3,30}$/, message: t('errors.field.pattern') }]}
              >
                <Input maxLength={30} inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="title"
            label={t('cases.field.title')}
            rules={[
              {
                required: !autoTitle,
                whitespace: true,
                min: 2,
                message: t('cases.intake.titleRequired'),
              },
            ]}
            extra={autoTitle ? t('cases.intake.titleAuto') : undefined}
          >
            <Input maxLength={200} placeholder={t(`cases.intake.titlePlaceholder.${type}`)} />
          </Form.Item>
          <Form.Item name="description" label={t('cases.field.description')}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={4000}
              onKeyDown={onSubmitKey}
            />
          </Form.Item>
          {type === 'fit_out' && (
            <Alert
              type="info"
              showIcon
              title={t('cases.fitOut.form.hint')}
              style={{ marginBottom: 16 }}
            />
          )}
          <TypeFields type={type} onSubmitKey={onSubmitKey} />
          <Row gutter={16}>
            {priorities && (
              <Col xs={24} md={12}>
                <Form.Item name="priority" label={t('cases.field.priority')}>
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    options={priorities.map((p) => ({ value: p, label: t(`cases.priority.${p}`) }))}
                  />
                </Form.Item>
              </Col>
            )}
            {!isCustomer && (
              <Col xs={24} md={12}>
                <Form.Item name="channel" label={t('cases.field.channel')}>
                  <Radio.Group
                    optionType="button"
                    options={STAFF_CHANNELS.map((c) => ({
                      value: c,
                      label: t(`cases.channel.${c}`),
                    }))}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Flex align="center" gap={16} wrap>
            <Button type="primary" htmlType="submit" size="large" loading={create.isPending}>
              {t('cases.intake.submit')}
            </Button>
            <Checkbox checked={another} onChange={(e) => setAnother(e.target.checked)}>
              {t('cases.intake.another')}
            </Checkbox>
            <Typography.Text type="secondary">{t('cases.intake.keys')}</Typography.Text>
          </Flex>
        </Form>
      </Card>
    </>
  )
}
