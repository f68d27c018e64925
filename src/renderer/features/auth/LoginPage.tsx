import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { loginSchema } from '../../../shared/accounts/schemas'
import { api } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { useAppState } from '../../app/app-state'
import { AuthLayout } from '../../components/AuthLayout'
import { useZodForm } from '../../lib/zod-form'

const initialValues = { username: '', password: '' }

export function LoginPage() {
  const { state, signedIn } = useAppState()
  const form = useZodForm(loginSchema, { initialValues })
  // Wrong credentials are shown on the form, not as a notification.
  const login = useApiAction(api().auth.login, { notify: false, sessionAware: false })
  const [failure, setFailure] = useState<string>()
  const navigate = useNavigate()

  const submit = form.onSubmit(async (input) => {
    setFailure(undefined)
    const result = await login.run(input)
    if (result.ok) {
      // Whoever signs in starts on the home page, not where the previous user left off.
      void navigate('/', { replace: true })
      signedIn(result.data)
    } else {
      setFailure(result.error.message)
      form.reset({ username: input.username })
    }
  })

  return (
    <AuthLayout title="登录" subtitle={state.department?.name}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label="用户名"
            autoComplete="username"
            spellCheck={false}
            autoFocus
            required
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label="密码"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={login.busy} size="md" mt="xs">
            登录
          </Button>
          <Text fz="xs" c="dimmed" ta="center">
            忘记密码请联系本单位的系统管理员重置。
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  )
}
