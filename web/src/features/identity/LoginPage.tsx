import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Flex, theme } from 'antd'
// The two input components alone: `Input` from 'antd' brings TextArea, Search and OTP along.
import Input from 'antd/es/input/Input'
import Password from 'antd/es/input/Password'
import { type FormEvent, lazy, type ReactNode, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { LanguageSwitch } from '../../app/i18n/LanguageSwitch'
import { errorMessage } from '../../ui/errors'
import { type LoginInput, useLogin } from './api'

/** Only paths inside this app; never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/'
}

// Shown only after a failed sign-in, so it is fetched then rather than with the first page.
const Alert = lazy(() => import('antd/es/alert'))

type Field = 'username' | 'password'

/** A labelled field laid out like antd's vertical form item, its error read out when it appears. */
function LoginField(props: {
  id: string
  label: string
  error: string | undefined
  children: ReactNode
}) {
  const { token } = theme.useToken()
  return (
    <div style={{ marginBottom: props.error ? 4 : 24 }}>
      <label
        htmlFor={props.id}
        style={{ display: 'block', paddingBottom: 8, color: token.colorTextHeading }}
      >
        {props.label}
      </label>
      {props.children}
      <div
        id={`${props.id}-error`}
        aria-live="polite"
        style={{ minHeight: props.error ? 20 : 0, color: token.colorError, lineHeight: '20px' }}
      >
        {props.error}
      </div>
    </div>
  )
}

// The first page anyone loads: it uses few antd components on purpose (no Form, no Card, no
// Typography) so that the first page's JavaScript stays small; the console loads the rest.
export function LoginPage() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const login = useLogin()

  const [values, setValues] = useState<LoginInput>({ username: '', password: '' })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})

  const validate = (v: LoginInput) => ({
    ...(v.username.trim() === '' ? { username: t('login.usernameRequired') } : {}),
    ...(v.password === '' ? { password: t('login.passwordRequired') } : {}),
  })
  const change = (field: Field, value: string) => {
    const next = { ...values, [field]: value }
    setValues(next)
    // As a form item does: an error shown goes away (or comes back) as the field is edited.
    if (errors[field] !== undefined || value === '')
      setErrors({ ...errors, [field]: validate(next)[field] })
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found = validate(values)
    setErrors(found)
    const first = (['username', 'password'] as const).find((f) => found[f])
    if (first) {
      document.getElementById(`login-${first}`)?.focus()
      return
    }
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }) },
    )
  }

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100%', padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch type="default" />
      </div>
      <main
        style={{
          width: '100%',
          maxWidth: 380,
          padding: 32,
          background: token.colorBgContainer,
          borderRadius: token.borderRadiusLG,
          boxShadow: token.boxShadowTertiary,
          fontFamily: token.fontFamily,
        }}
      >
        <header style={{ textAlign: 'center', marginBottom: 24 }}>
          <h1 style={{ margin: 0, fontSize: 28, fontWeight: 600, color: token.colorTextHeading }}>
            {t('app.name')}
          </h1>
          <p style={{ margin: '4px 0 0', color: token.colorTextSecondary }}>{t('app.tagline')}</p>
        </header>
        {login.isError && (
          <Suspense>
            <Alert
              role="alert"
              type="error"
              showIcon
              title={errorMessage(t, login.error)}
              style={{ marginBottom: 16 }}
            />
          </Suspense>
        )}
        <form noValidate onSubmit={onSubmit}>
          <LoginField id="login-username" label={t('login.username')} error={errors.username}>
            <Input
              id="login-username"
              name="username"
              value={values.username}
              onChange={(e) => change('username', e.target.value)}
              status={errors.username ? 'error' : ''}
              aria-invalid={errors.username ? true : undefined}
              aria-describedby="login-username-error"
              prefix={<UserOutlined />}
              placeholder={t('login.usernamePlaceholder')}
              autoComplete="username"
              autoFocus
              size="large"
            />
          </LoginField>
          <LoginField id="login-password" label={t('login.password')} error={errors.password}>
            <Password
              id="login-password"
              name="password"
              value={values.password}
              onChange={(e) => change('password', e.target.value)}
              status={errors.password ? 'error' : ''}
              aria-invalid={errors.password ? true : undefined}
              aria-describedby="login-password-error"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
            />
          </LoginField>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </form>
      </main>
    </Flex>
  )
}
