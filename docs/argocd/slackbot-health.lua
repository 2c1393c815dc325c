-- Argo CD health check for slackoperator.io/SlackBot. Argo CD passes the live object as `obj`.
-- Suspended: spec.suspend. Progressing: the operator has not yet seen this generation, or the bot is connecting.
-- Degraded: something only a change can fix (Stalled: refused token, missing Secret or key, invalid spec), or a
-- declared channel is unusable. Healthy: Ready is True for the current generation.
local hs = {}

local function condition(conditionType)
  if obj.status == nil or obj.status.conditions == nil then
    return nil
  end
  for _, c in ipairs(obj.status.conditions) do
    if c.type == conditionType then
      return c
    end
  end
  return nil
end

local function describe(c)
  if c.message ~= nil and c.message ~= "" then
    return c.reason .. ": " .. c.message
  end
  return c.reason
end

local generation = obj.metadata.generation or 0

if obj.spec ~= nil and obj.spec.suspend == true then
  hs.status = "Suspended"
  hs.message = "spec.suspend is true: the bot is disconnected"
  return hs
end

if obj.status == nil or obj.status.observedGeneration == nil or obj.status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "waiting for the operator to act on generation " .. generation
  return hs
end

local stalled = condition("Stalled")
if stalled ~= nil and stalled.status == "True" then
  hs.status = "Degraded"
  hs.message = describe(stalled)
  return hs
end

local ready = condition("Ready")
if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = describe(ready)
  return hs
end

local reconciling = condition("Reconciling")
if reconciling ~= nil and reconciling.status == "True" then
  hs.status = "Progressing"
  hs.message = describe(reconciling)
  return hs
end

local connecting = ready ~= nil and (ready.reason == "Connecting" or ready.reason == "Reconnecting")
if ready ~= nil and ready.status == "False" and not connecting then
  hs.status = "Degraded"
  hs.message = describe(ready)
  return hs
end

hs.status = "Progressing"
hs.message = "waiting for the bot to become Ready"
return hs
