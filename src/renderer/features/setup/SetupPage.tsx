import {
  Alert,
  Button,
  Divider,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { api } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { useAppState } from '../../app/app-state'
import { AuthLayout } from '../../components/AuthLayout'
import { useZodForm } from '../../lib/zod-form'
import { emptySetupForm, setupFormSchema } from './setup-form-schema'

/** First run: registers the department and creates the first administrator. */
export function SetupPage() {
  const { refresh } = useAppState()
  const form = useZodForm(setupFormSchema, {
    initialValues: emptySetupForm,
    liveFields: ['orgCode', 'confirm'],
  })
  const complete = useApiAction(api().setup.complete)

  const submit = form.onSubmit(async (v) => {
    const done = await complete.run({
      department: { name: v.name, orgCode: v.orgCode },
      admin: { username: v.username, displayName: v.displayName, password: v.password },
    })
    if (done.ok) await refresh()
  })

  const orgCode = form.getInputProps('orgCode')

  return (
    <AuthLayout
      title="首次运行设置"
      subtitle="本机第一次使用本程序。请登记本单位信息并创建管理员账号，完成后即以管理员身份登录。"
      width={680}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <section aria-labelledby="setup-dept">
            <Title order={3} fz="md" id="setup-dept" mb={4}>
              单位信息
            </Title>
            <Text fz="sm" c="dimmed" mb="sm">
              单位名称显示在程序顶部和导出的报表中；统一社会信用代码用于生成每条公开信息的索引号，请与本单位证书核对一致。
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label="单位名称"
                placeholder="例如：某某区发展和改革局"
                required
                autoFocus
                {...form.getInputProps('name')}
              />
              <TextInput
                label="统一社会信用代码"
                placeholder="18 位，例如 11370300MB12345679"
                description="校验位按 GB 32100 实时检查"
                required
                maxLength={18}
                spellCheck={false}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                {...orgCode}
                onChange={(e) => form.setFieldValue('orgCode', e.currentTarget.value.toUpperCase())}
              />
            </SimpleGrid>
          </section>

          <Divider />

          <section aria-labelledby="setup-admin">
            <Title order={3} fz="md" id="setup-admin" mb={4}>
              管理员账号
            </Title>
            <Text fz="sm" c="dimmed" mb="sm">
              管理员负责创建其他用户、分配角色（起草人、审核人、签发人）、查看审计日志和备份数据。用户名用于登录，姓名会记入审计日志。
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label="管理员用户名"
                placeholder="例如：admin"
                autoComplete="username"
                required
                spellCheck={false}
                {...form.getInputProps('username')}
              />
              <TextInput
                label="姓名"
                placeholder="管理员的真实姓名"
                required
                {...form.getInputProps('displayName')}
              />
              <PasswordInput
                label="密码"
                description="至少 8 位，须同时包含字母和数字"
                autoComplete="new-password"
                required
                {...form.getInputProps('password')}
              />
              <PasswordInput
                label="确认密码"
                description="再输入一次密码"
                autoComplete="new-password"
                required
                {...form.getInputProps('confirm')}
              />
            </SimpleGrid>
          </section>

          <Alert variant="light" icon={<IconInfoCircle aria-hidden />} p="sm">
            数据只保存在本机。请牢记管理员密码：忘记后只能由其他管理员重置。
          </Alert>

          <Button type="submit" loading={complete.busy} size="md">
            完成设置
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  )
}
