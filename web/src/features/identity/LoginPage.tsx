import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Flex, Form, Input, theme } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { LanguageSwitch } from '../../app/i18n/LanguageSwitch'
import { errorMessage } from '../../ui/errors'
import { type LoginInput, useLogin } from './api'

/** Only paths inside this app; never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/'
}

// The first page anyone loads: it uses few antd components on purpose (no Card,
// no Typography) so that its chunk stays small; the console loads the rest.
export function LoginPage() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const login = useLogin()

  const onFinish = (values: LoginInput) => {
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
          <Alert
            role="alert"
            type="error"
            showIcon
            title={errorMessage(t, login.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginInput> layout="vertical" requiredMark={false} onFinish={onFinish}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              placeholder={t('login.usernamePlaceholder')}
              autoComplete="username"
              autoFocus
              size="large"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </main>
    </Flex>
  )
}
